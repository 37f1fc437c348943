package dev.assay.service.web;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.filter.FilterFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps request-log lines that would carry a credential (invitation links, {@code /i/<token>}) out of the request
 * log: requests for such a path, and requests whose {@code Referer} names one (a browser that ignores our
 * {@code Referrer-Policy} would send it with the page's stylesheet and scripts). Enabled in config.yml with
 * {@code filterFactories: [{type: secret-paths}]}; the application log records invitation use by assessment id.
 */
@JsonTypeName("secret-paths")
public class SecretPathFilterFactory implements FilterFactory<IAccessEvent> {
    @Override
    public Filter<IAccessEvent> build() {
        return new Filter<>() {
            @Override
            public FilterReply decide(IAccessEvent event) {
                return secret(event.getRequestURI()) || referrerNamesSecret(event.getRequestHeader("Referer"))
                        ? FilterReply.DENY
                        : FilterReply.NEUTRAL;
            }
        };
    }

    static boolean secret(@Nullable String path) {
        return path != null && path.startsWith("/i/");
    }

    /** A referrer is a whole URL: anything from "/i/" on in it is an invitation path, whatever host precedes it. */
    static boolean referrerNamesSecret(@Nullable String referrer) {
        return referrer != null && referrer.contains("/i/");
    }
}
