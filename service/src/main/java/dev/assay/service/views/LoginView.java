package dev.assay.service.views;

import org.jspecify.annotations.Nullable;

public final class LoginView extends PageView {
    private final @Nullable String error;
    private final String next;
    private final String email;

    public LoginView(String csrf, @Nullable String error, String next, String email) {
        super("login", "Sign in", csrf);
        this.error = error;
        this.next = next;
        this.email = email;
    }

    public @Nullable String getError() {
        return error;
    }

    public String getNext() {
        return next;
    }

    public String getEmail() {
        return email;
    }
}
