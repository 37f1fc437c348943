package dev.assay.service.views;

/** A page that only says something: an expired link, a finished step. */
public final class MessageView extends PageView {
    private final String message;

    public MessageView(String csrf, String title, String message) {
        super("message", title, csrf);
        this.message = message;
    }

    public String getMessage() {
        return message;
    }
}
