package dev.sluice.platform.member;

import dev.sluice.protocol.PopErrors;

/** Plausibility checks of a member's contact details. */
final class Contact {

    private Contact() {
    }

    static void check(String mail, String mobilePhone, String dingNumber, String path) {
        if (mail != null && (mail.length() > 256 || !mail.matches("[^@\\s]+@[^@\\s]+"))) {
            throw PopErrors.invalidParameter(path + ".Mail", "'" + mail + "' is not an email address").exception();
        }
        if (mobilePhone != null && !mobilePhone.matches("\\+?[0-9 -]{3,32}")) {
            throw PopErrors.invalidParameter(path + ".MobilePhone", "'" + mobilePhone + "' is not a phone number").exception();
        }
        if (dingNumber != null && dingNumber.length() > 128) {
            throw PopErrors.invalidParameter(path + ".DingNumber", "at most 128 characters").exception();
        }
    }
}
