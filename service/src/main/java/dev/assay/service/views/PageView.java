package dev.assay.service.views;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** A server-rendered page. Mustache escapes every {{value}}; templates never use triple braces. */
public abstract class PageView extends View {
    private final String title;
    private final String csrf;

    protected PageView(String template, String title, String csrf) {
        super("/views/" + template + ".mustache", StandardCharsets.UTF_8);
        this.title = title;
        this.csrf = csrf;
    }

    public String getTitle() {
        return title;
    }

    /** The CSRF token every form posts back (field {@code csrf}). */
    public String getCsrf() {
        return csrf;
    }
}
