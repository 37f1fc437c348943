package dev.assay.service;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.LoginRateLimiter;
import dev.assay.service.auth.PasswordHasher;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.cli.AuditCommand;
import dev.assay.service.cli.BenchCommand;
import dev.assay.service.cli.DemoSetup;
import dev.assay.service.cli.LabsCommand;
import dev.assay.service.cli.UserCommand;
import dev.assay.service.db.Persistence;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.drivers.EnvironmentsFactory;
import dev.assay.service.grading.GradeTask;
import dev.assay.service.grading.Grading;
import dev.assay.service.grading.GradingEngine;
import dev.assay.service.grading.GradingJobs;
import dev.assay.service.invitations.InvitationService;
import dev.assay.service.resources.AssessmentApiResource;
import dev.assay.service.resources.CandidateResource;
import dev.assay.service.resources.DashboardResource;
import dev.assay.service.resources.EngineUnavailableMapper;
import dev.assay.service.resources.HomeResource;
import dev.assay.service.resources.InvalidInputMapper;
import dev.assay.service.resources.InvitationResource;
import dev.assay.service.resources.LabSessionApiResource;
import dev.assay.service.resources.LabStatisticsApiResource;
import dev.assay.service.resources.PingResource;
import dev.assay.service.resources.ReviewResource;
import dev.assay.service.resources.SessionResource;
import dev.assay.service.resources.TuningResource;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.AuditKey;
import dev.assay.service.scoring.GradeLog;
import dev.assay.service.scoring.Rubrics;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.sessions.DatabaseLedger;
import dev.assay.service.sessions.DeadlineKeeper;
import dev.assay.service.sessions.DiskWatch;
import dev.assay.service.sessions.ExtendTask;
import dev.assay.service.sessions.LabEvents;
import dev.assay.service.sessions.LabSessions;
import dev.assay.service.sessions.SessionEnvironments;
import dev.assay.service.sessions.SessionGauges;
import dev.assay.service.sessions.SessionKeeper;
import dev.assay.service.sessions.SessionReads;
import dev.assay.service.sessions.SessionRecovery;
import dev.assay.service.sessions.VariantKey;
import dev.assay.service.sessions.Variants;
import dev.assay.service.sessions.WarmPools;
import dev.assay.service.stats.LabStatistics;
import dev.assay.service.terminal.Recordings;
import dev.assay.service.terminal.TerminalServlet;
import dev.assay.service.terminal.Terminals;
import dev.assay.service.views.InvitationView;
import dev.assay.service.web.AccessControlFeature;
import dev.assay.service.web.AssessmentScopeFeature;
import dev.assay.service.web.BrowserSessionFilter;
import dev.assay.service.web.Cookies;
import dev.assay.service.web.CsrfFilter;
import dev.assay.service.web.PrometheusMetrics;
import dev.assay.service.web.SecurityHeaders;
import dev.assay.service.webhooks.Webhooks;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import io.dropwizard.views.common.ViewBundle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.jdbi.v3.core.Jdbi;

/** Wires Assay: bundles in {@link #initialize}, the object graph in {@link #run}. */
public class AssayApplication extends Application<AssayConfiguration> {

    public static void main(String[] args) throws Exception {
        new AssayApplication().run(args);
    }

    @Override
    public String getName() {
        return "assay";
    }

    @Override
    protected void addDefaultCommands(Bootstrap<AssayConfiguration> bootstrap) {
        bootstrap.addCommand(new dev.assay.service.cli.ServeCommand(this));
        bootstrap.addCommand(new io.dropwizard.core.cli.CheckCommand<>(this));
    }

    @Override
    public void initialize(Bootstrap<AssayConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<AssayConfiguration>() {
            @Override
            public DataSourceFactory getDataSourceFactory(AssayConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
        bootstrap.addBundle(new ViewBundle<>());
        bootstrap.addBundle(new AssetsBundle("/assets", "/assets", null, "assets"));
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars", "/webjars", null, "webjars"));
        bootstrap.addCommand(new UserCommand());
        bootstrap.addCommand(new LabsCommand());
        bootstrap.addCommand(new BenchCommand());
        bootstrap.addCommand(new AuditCommand());
    }

    @Override
    public void run(AssayConfiguration config, Environment environment) {
        Clock clock = Clock.systemUTC();
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "database");
        Persistence.configure(jdbi);
        dev.assay.service.db.SchemaState.requireCurrent(jdbi);
        config.getDocker().build(environment);
        LabCatalog catalog = config.getLabs().build(environment);
        Sessions sessions = startSessions(config, environment, jdbi, catalog, clock);

        var auth = config.getAuth();
        AccountService accounts = new AccountService(
                jdbi,
                new PasswordHasher(),
                new LoginRateLimiter(auth.getLoginBurst(), toJava(auth.getLoginRefill()), clock),
                toJava(auth.getSessionTtl()),
                clock);
        InvitationService invitations = invitations(config, jdbi, catalog, sessions.scoring(), clock);
        Cookies cookies = new Cookies(auth.getSecureCookies());
        environment
                .admin()
                .addTask(new dev.assay.service.cli.UserTask(
                        accounts, dev.assay.service.auth.OperatorKey.load(config.getOperatorKeyFile(), true)));
        Assignments assignments = new Assignments(jdbi, sessions.scoring().log(), environment.getObjectMapper(), clock);

        var jersey = environment.jersey();
        registerFilters(
                jersey,
                new BrowserSessionFilter(accounts, invitations, cookies),
                new AssessmentScopeFeature(assignments::mayOpen));
        jersey.register(new PingResource());
        jersey.register(new HomeResource());
        jersey.register(new SessionResource(accounts, cookies));
        SessionReads reads = new SessionReads(jdbi);
        jersey.register(new DashboardResource(reads, invitations, assignments, catalog));
        var pipelines = new dev.assay.service.scoring.Pipelines(jdbi, sessions.scoring());
        jersey.register(new AssessmentApiResource(reads, invitations, sessions.scoring(), assignments, pipelines));
        jersey.register(new dev.assay.service.resources.PipelineApiResource(pipelines, sessions.scoring()));
        jersey.register(new dev.assay.service.resources.PipelineResource(assignments, pipelines, sessions.scoring()));
        jersey.register(new dev.assay.service.resources.AssigneeApiResource(assignments, sessions.scoring()));
        jersey.register(new InvitationResource(
                invitations,
                cookies,
                assessmentId -> reads.assessment(assessmentId).stream()
                        .flatMap(assessment -> sessions.labs().labsOf(assessment).stream())
                        .map(lab -> new InvitationView.LabLine(
                                lab.title(), lab.timeLimit().toMinutes(), lab.difficulty()))
                        .toList()));
        Terminals terminals = startTerminals(environment, jdbi, invitations, cookies, sessions, clock);
        jersey.register(new CandidateResource(reads, catalog, sessions.labs(), sessions.grading(), terminals, clock));
        registerStaffResources(jersey, jdbi, catalog, reads, sessions, assignments, clock);

        PrometheusMetrics.register(environment, Set.of(InvitationResource.class));
        if (config.isDemo()) {
            new DemoSetup(accounts, invitations, assignments).registerOn(environment);
        }
    }

    /**
     * The lab terminals: the WebSocket servlet at /terminal/*, the registry that records them, and the deadline
     * keeper that ends them (and hands the lab in) when time is up, the disk watch that stops a lab past its
     * declared disk; ./assay extend's admin task.
     */
    private static Terminals startTerminals(
            Environment environment,
            Jdbi jdbi,
            InvitationService invitations,
            Cookies cookies,
            Sessions sessions,
            Clock clock) {
        Terminals terminals = new Terminals(
                jdbi,
                invitations::assessmentForSession,
                https -> cookies.wireName(Cookies.CANDIDATE_SESSION, https),
                sessions.environments(),
                clock);
        environment.lifecycle().manage(terminals);
        sessions.events()
                .onHandedIn(
                        event -> terminals.end(event.sessionId(), event.handIn().terminalNotice()));
        JettyWebSocketServletContainerInitializer.configure(environment.getApplicationContext(), null);
        environment
                .servlets()
                .addServlet("terminal", new TerminalServlet(terminals))
                .addMapping("/terminal/*");
        environment
                .lifecycle()
                .manage(new DeadlineKeeper(
                        jdbi, sessions.grading(), sessions.labs()::handInAtDeadline, clock, Duration.ofSeconds(1)));
        environment
                .lifecycle()
                .manage(new DiskWatch(jdbi, sessions.environments(), sessions.grading(), clock, sessions.diskWatch()));
        environment.admin().addTask(new ExtendTask(jdbi, clock));
        return terminals;
    }

    /** Invitations to the catalog's roles; a labs stage's labs are composed per candidate by the catalog. */
    private static InvitationService invitations(
            AssayConfiguration config, Jdbi jdbi, LabCatalog catalog, Scoring scoring, Clock clock) {
        var auth = config.getAuth();
        return new InvitationService(
                jdbi,
                catalog::role,
                (role, stage, seed) -> dev.assay.service.catalog.Composer.compose(role, stage, catalog, seed)
                        .labs(),
                scoring.log(),
                config.getPublicUrl(),
                toJava(auth.getInvitationTtl()),
                toJava(auth.getCandidateSessionTtl()),
                clock);
    }

    /** The pages and API of interviewers and the hiring team: sessions, designs, statistics, tuning, review. */
    private static void registerStaffResources(
            io.dropwizard.jersey.setup.JerseyEnvironment jersey,
            Jdbi jdbi,
            LabCatalog catalog,
            SessionReads reads,
            Sessions sessions,
            Assignments assignments,
            Clock clock) {
        Recordings recordings = new Recordings(jdbi);
        jersey.register(new LabSessionApiResource(reads, sessions.environments(), recordings, sessions.grading()));
        jersey.register(new dev.assay.service.resources.DesignResource(
                reads, new dev.assay.service.design.DesignDocuments(jdbi, sessions.environments())));
        LabStatistics statistics = new LabStatistics(jdbi, catalog, sessions.scoring());
        jersey.register(new LabStatisticsApiResource(statistics));
        jersey.register(new TuningResource(catalog, statistics, new Rubrics(jdbi, catalog, sessions.scoring(), clock)));
        jersey.register(new ReviewResource(recordings, catalog, sessions.scoring(), sessions.grading(), assignments));
        var kits = new dev.assay.service.scoring.KitReviews(sessions.scoring());
        jersey.register(new dev.assay.service.resources.KitResource(kits, assignments));
        jersey.register(new dev.assay.service.resources.KitApiResource(kits, assignments));
        jersey.register(new dev.assay.service.resources.CompositionApiResource(catalog));
    }

    /** What every request and response passes through: who is asking, CSRF, access rules, headers, errors. */
    private static void registerFilters(
            io.dropwizard.jersey.setup.JerseyEnvironment jersey,
            BrowserSessionFilter sessions,
            AssessmentScopeFeature scopes) {
        // Location headers stay the paths the resources give: Jersey would otherwise make them absolute from the
        // request's Host header, an open redirect behind a proxy that passes Host through.
        jersey.property(
                org.glassfish.jersey.server.ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        jersey.register(new dev.assay.service.web.BodyLimit());
        jersey.register(sessions);
        jersey.register(new CsrfFilter());
        jersey.register(new SecurityHeaders());
        jersey.register(new AccessControlFeature());
        jersey.register(scopes);
        jersey.register(new InvalidInputMapper());
        jersey.register(new dev.assay.service.resources.NotFoundMapper());
        jersey.register(new EngineUnavailableMapper());
    }

    /** Lab sessions, their grading, the environments under them and the events at their end, as the rest uses them. */
    private record Sessions(
            LabSessions labs,
            Grading grading,
            Scoring scoring,
            SessionEnvironments environments,
            LabEvents events,
            Duration diskWatch) {}

    /**
     * The environment side: drivers, warm pools (adopting unclaimed environments on record), re-attachment of
     * live sessions before requests are served, and the reaper, started in that order.
     */
    private static Sessions startSessions(
            AssayConfiguration config, Environment environment, Jdbi jdbi, LabCatalog catalog, Clock clock) {
        EnvironmentsFactory settings = config.getEnvironments();
        List<EnvironmentDriver> drivers =
                settings.build(environment, config.getDocker().getHost());
        EnvironmentDriver containers = drivers.get(0);
        SessionEnvironments environments = new SessionEnvironments(jdbi, drivers);
        WarmPools pools = new WarmPools(
                settings.pools(),
                catalog,
                containers,
                new DatabaseLedger(jdbi, containers.kind(), clock),
                settings.poolMaxAge(),
                settings.expiryMargin(),
                clock,
                environment.metrics());
        Variants variants = Variants.keyed(jdbi, VariantKey.load(config.getVariantKeyFile()));
        LabSessions sessions = new LabSessions(
                jdbi, catalog, environments, pools, variants, settings.expiryMargin(), clock, environment.metrics());
        GradingEngine engine = new GradingEngine(GraderRegistry.discover(), clock);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                engine.close();
            }
        });
        Scoring scoring = new Scoring(
                jdbi,
                catalog,
                new GradeLog(jdbi, clock, AuditKey.load(config.getAuditKeyFile(), true)),
                environment.getObjectMapper());
        LabEvents events = gradedListeners(config, environment, jdbi, scoring, clock);
        GradingJobs jobs = new GradingJobs(jdbi, GradingJobs.replicaName(), config.getGradingLease(), clock);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                jobs.close();
            }
        });
        Grading grading = new Grading(
                jdbi,
                catalog,
                environments,
                engine,
                clock,
                environment.getObjectMapper(),
                environment.metrics(),
                events,
                jobs);
        environment.lifecycle().manage(new SessionRecovery(sessions, grading, settings.reaperInterval()));
        SessionGauges.register(jdbi, clock, environment.metrics());
        environment.admin().addTask(new GradeTask(grading));
        environment.lifecycle().manage(pools);
        settings.manageReaper(environment, drivers, new SessionKeeper(jdbi, pools, Duration.ofMinutes(10), clock));
        return new Sessions(sessions, grading, scoring, environments, events, settings.diskWatchInterval());
    }

    /** When a grading ends: the stage is scored, then its webhook queued (when one is configured). */
    private static LabEvents gradedListeners(
            AssayConfiguration config, Environment environment, Jdbi jdbi, Scoring scoring, Clock clock) {
        LabEvents events = new LabEvents();
        events.onGraded(graded -> scoring.record(graded.assessmentId()));
        java.net.URI hook = config.getWebhook().getUrl();
        if (hook != null) {
            Webhooks webhooks =
                    new Webhooks(jdbi, scoring, config.getWebhook(), hook, clock, environment.getObjectMapper());
            environment.lifecycle().manage(webhooks);
            events.onGraded(graded -> webhooks.whenGraded(graded.assessmentId()));
        }
        return events;
    }

    private static Duration toJava(io.dropwizard.util.Duration duration) {
        return Duration.ofMillis(duration.toMilliseconds());
    }
}
