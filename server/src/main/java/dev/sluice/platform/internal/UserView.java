package dev.sluice.platform.internal;

import dev.sluice.account.User;

/** A user as the platform operations show it (field names as on the wire). */
public record UserView(String id, String name, String displayName, String displayNameWithoutStatus, String nickName,
                       String realName, String accountName, String parentId, String sourceId, String sourceType, String mail,
                       String mobilePhone, String dingNumber, String enableWhiteIp, String whiteIp, String weChatRobot,
                       String feiShuRobot, long gmtCreate, long gmtModified) {

    public static UserView of(User user, String parentId) {
        String shown = user.enabled() ? user.displayName() : user.displayName() + " (disabled)";
        return new UserView(String.valueOf(user.id()), user.name(), shown, user.displayName(), user.displayName(),
                user.displayName(), user.name(), parentId, user.sourceId(), user.sourceType(), user.mail(), user.mobilePhone(),
                user.dingNumber(), "false", null, null, null, user.createdAt(), user.modifiedAt());
    }
}
