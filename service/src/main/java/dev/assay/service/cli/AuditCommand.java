package dev.assay.service.cli;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.SchemaState;
import dev.assay.service.scoring.AuditKey;
import dev.assay.service.scoring.GradeLog;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * {@code audit verify [config]}: recomputes every assessment's grade-event hash chain from the database and names
 * the first event that does not match its content or its predecessor (a row changed, or one removed from the
 * middle). Exit 0 when every chain holds, 1 otherwise.
 */
public class AuditCommand extends ConfiguredCommand<AssayConfiguration> {

    /** A broken chain: the command's answer is "no", which exits 1. */
    static final class ChainBroken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChainBroken(String message) {
            super(message);
        }
    }

    public AuditCommand() {
        super("audit", "Check the grade log: every assessment's hash chain of grade events");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("verify").help("verify: recompute every hash chain");
        super.configure(subparser); // then the optional configuration file, as ./assay passes it
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.report(cli, "audit", error);
    }

    @Override
    protected void run(Bootstrap<AssayConfiguration> bootstrap, Namespace namespace, AssayConfiguration config)
            throws Exception {
        Jdbi jdbi = Persistence.configure(CommandErrors.database(config));
        jdbi.installPlugin(new SqlObjectPlugin());
        SchemaState.requireCurrent(jdbi);
        List<Long> assessments = jdbi.withHandle(
                handle -> handle.createQuery("SELECT DISTINCT assessment_id FROM grade_events ORDER BY assessment_id")
                        .mapTo(Long.class)
                        .list());
        AuditKey key = AuditKey.load(config.getAuditKeyFile(), false);
        int broken = 0;
        long events = 0;
        for (long assessment : assessments) {
            List<GradeEventDao.Event> chain = jdbi.withExtension(GradeEventDao.class, dao -> dao.all(assessment));
            events += chain.size();
            int bad = GradeLog.verify(key, chain);
            if (bad >= 0) {
                broken++;
                System.out.printf(
                        "assessment %d: BROKEN at event %d of %d: it does not match its content or the event"
                                + " before it (changed, or one before it removed)%n",
                        assessment, bad, chain.size());
            }
        }
        System.out.printf(
                "%d assessment(s), %d grade event(s): %s%n",
                assessments.size(), events, broken == 0 ? "every chain holds" : broken + " chain(s) broken");
        if (broken > 0) {
            throw new ChainBroken(broken + " grade-event chain(s) broken");
        }
    }
}
