package dev.assay.service.web;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.filter.FilterFactory;

/**
 * Keeps request-log lines whose path is a credential (invitation links, {@code /i/<token>}) out of the
 * request log. Enabled in config.yml with {@code filterFactories: [{type: secret-paths}]}; the application
 * log records invitation use by assessment id instead.
 */
@JsonTypeName("secret-paths")
public class SecretPathFilterFactory implements FilterFactory<IAccessEvent> {
    @Override
    public Filter<IAccessEvent> build() {
        return new Filter<>() {
            @Override
            public FilterReply decide(IAccessEvent event) {
                String uri = event.getRequestURI();
                return uri != null && uri.startsWith("/i/") ? FilterReply.DENY : FilterReply.NEUTRAL;
            }
        };
    }
}
