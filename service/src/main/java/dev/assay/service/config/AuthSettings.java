package dev.assay.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Session, cookie, rate-limit and invitation settings (the {@code auth:} block of config.yml). */
public class AuthSettings {

    /** How the Secure flag is set on cookies: auto (when the request arrived over HTTPS), always, never. */
    public enum SecureCookies {
        AUTO,
        ALWAYS,
        NEVER
    }

    @NotNull
    @JsonProperty
    private Duration sessionTtl = Duration.hours(12);

    @NotNull
    @JsonProperty
    private Duration candidateSessionTtl = Duration.days(7);

    @NotNull
    @JsonProperty
    private Duration invitationTtl = Duration.days(7);

    @NotNull
    @JsonProperty
    private SecureCookies secureCookies = SecureCookies.AUTO;

    /** Failed logins allowed per client address and per account before requests are refused. */
    @Min(1)
    @JsonProperty
    private int loginBurst = 5;

    /** One more failed login is allowed per this period (token bucket refill). */
    @NotNull
    @JsonProperty
    private Duration loginRefill = Duration.minutes(1);

    public Duration getSessionTtl() {
        return sessionTtl;
    }

    public Duration getCandidateSessionTtl() {
        return candidateSessionTtl;
    }

    public Duration getInvitationTtl() {
        return invitationTtl;
    }

    public SecureCookies getSecureCookies() {
        return secureCookies;
    }

    public int getLoginBurst() {
        return loginBurst;
    }

    public Duration getLoginRefill() {
        return loginRefill;
    }
}
