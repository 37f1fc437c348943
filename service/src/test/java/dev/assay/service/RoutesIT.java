package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.AccessControlFeature;
import dev.assay.service.web.AssessmentScopeFeature;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Routes, access rules, health and metrics")
class RoutesIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @Test
    @DisplayName("every registered route states who may call it")
    void everyRouteHasAnAccessRule() {
        var config = EXT.getEnvironment().jersey().getResourceConfig();
        List<Class<?>> classes = new ArrayList<>(config.getClasses());
        config.getInstances().forEach(instance -> classes.add(instance.getClass()));
        List<String> routes = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (Class<?> type : classes) {
            if (!type.getName().startsWith(AccessControlFeature.OWN_PACKAGE) || !Resource.isAcceptable(type)) {
                continue;
            }
            Resource resource = Resource.from(type);
            if (resource == null) {
                continue;
            }
            Stream.concat(Stream.of(resource), resource.getChildResources().stream())
                    .flatMap(r -> r.getResourceMethods().stream())
                    .map(ResourceMethod::getInvocable)
                    .forEach(invocable -> {
                        Method method = invocable.getDefinitionMethod();
                        String route = type.getSimpleName() + "." + method.getName();
                        routes.add(route);
                        if (AccessControlFeature.rule(method, type).isEmpty()) {
                            unguarded.add(route);
                        }
                    });
        }
        assertThat(routes)
                .hasSizeGreaterThanOrEqualTo(14)
                .contains("SessionResource.login", "InvitationResource.accept");
        assertThat(unguarded).isEmpty();
    }

    @Test
    @DisplayName("every staff route of one assessment is scoped to the staff who may open it")
    void everyAssessmentRouteIsScoped() {
        var config = EXT.getEnvironment().jersey().getResourceConfig();
        List<Class<?>> classes = new ArrayList<>(config.getClasses());
        config.getInstances().forEach(instance -> classes.add(instance.getClass()));
        List<String> scoped = new ArrayList<>();
        List<String> unscoped = new ArrayList<>();
        for (Class<?> type : classes) {
            Resource resource =
                    type.getName().startsWith(AccessControlFeature.OWN_PACKAGE) && Resource.isAcceptable(type)
                            ? Resource.from(type)
                            : null;
            if (resource == null) {
                continue;
            }
            Stream.concat(Stream.of(resource), resource.getChildResources().stream())
                    .forEach(r -> r.getResourceMethods().forEach(m -> {
                        String path = resource.getPath() + (r == resource ? "" : "/" + r.getPath());
                        Method method = m.getInvocable().getDefinitionMethod();
                        String route = m.getHttpMethod() + " " + path.replaceAll("/+", "/");
                        if (!route.matches(".*/assessments/\\{id}.*")) {
                            return;
                        }
                        (AssessmentScopeFeature.scope(method, type).isPresent() ? scoped : unscoped).add(route);
                    }));
        }
        assertThat(scoped)
                .as("the review page, its changes, the API reads, exports, results and recordings")
                .contains(
                        "GET /admin/assessments/{id}",
                        "POST /admin/assessments/{id}/overrides",
                        "GET /api/v1/assessments/{id}/scorecard.csv",
                        "GET /api/v1/assessments/{id}/sessions/{sessionId}/recording")
                .hasSizeGreaterThanOrEqualTo(16);
        assertThat(unscoped).isEmpty();
    }

    @Test
    @DisplayName("who may see what: anonymous, candidate, interviewer, admin")
    void accessMatrix() {
        Browser anonymous = APP.browser();
        assertThat(anonymous.getJson("/api/v1/assessments").statusCode()).isEqualTo(401);
        HttpResponse<String> page = anonymous.get("/admin");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login?next=%2Fadmin");
        assertThat(anonymous.get("/assessment").statusCode()).isEqualTo(303);

        Browser interviewer = APP.browser();
        String csrf = TestApp.signIn(interviewer, TestApp.INTERVIEWER);
        assertThat(interviewer.getJson("/api/v1/assessments").statusCode()).isEqualTo(200);
        String invite =
                "{\"email\":\"z@test.local\",\"name\":\"Z\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}";
        assertThat(interviewer.postJson("/api/v1/assessments", invite, csrf).statusCode())
                .isEqualTo(403);
        assertThat(interviewer.get("/assessment").statusCode()).isEqualTo(403);

        Browser admin = APP.browser();
        String adminCsrf = TestApp.signIn(admin, TestApp.ADMIN);
        HttpResponse<String> created = admin.postJson("/api/v1/assessments", invite, adminCsrf);
        assertThat(created.statusCode()).isEqualTo(201);
        String link = created.body().replaceAll(".*\"link\"\\s*:\\s*\"[^\"]*(/i/[^\"]+)\".*", "$1");

        Browser candidate = APP.browser();
        candidate.get(link);
        assertThat(candidate.postForm(link + "/accept", Map.of(), true).statusCode())
                .isEqualTo(303);
        assertThat(candidate.get("/assessment").statusCode()).isEqualTo(200);
        assertThat(candidate.get("/admin").statusCode()).isEqualTo(403);
        assertThat(candidate.getJson("/api/v1/assessments").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("ping answers on the application port; health lists the database and Docker")
    void pingAndHealth() {
        assertThat(APP.browser().get("/ping").body()).isEqualTo("pong\n");
        HttpResponse<String> health = new Browser(APP.admin()).getJson("/healthcheck");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":{\"healthy\":true", "\"docker\":{\"healthy\":true");
    }

    @Test
    @DisplayName("metrics come in Prometheus text format, our timers included")
    void prometheusMetrics() {
        TestApp.signIn(APP.browser(), TestApp.ADMIN);
        HttpResponse<String> metrics = new Browser(APP.admin()).get("/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/plain");
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes{area=\"heap\"}")
                .contains("dev_assay_service_resources_SessionResource_login_api_count")
                .contains("io_dropwizard_db_ManagedPooledDataSource_database_active");
    }
}
