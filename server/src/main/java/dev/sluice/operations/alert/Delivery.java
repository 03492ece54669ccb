package dev.sluice.operations.alert;

/** What one send attempt came to: delivered, or why not (words safe to show: no secret). */
record Delivery(boolean sent, String failReason) {

    static final Delivery SENT = new Delivery(true, null);

    static Delivery failed(String why) {
        return new Delivery(false, why);
    }
}
