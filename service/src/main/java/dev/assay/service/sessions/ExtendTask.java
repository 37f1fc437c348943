package dev.assay.service.sessions;

import dev.assay.service.db.LabSessionDao;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code POST /tasks/extend?session=N&minutes=M} on the admin port: gives an active lab session M more minutes
 * (1 to 240) and logs it in the session's events. {@code ./assay extend N M} calls it.
 */
public final class ExtendTask extends Task {
    private final Jdbi jdbi;
    private final Clock clock;

    public ExtendTask(Jdbi jdbi, Clock clock) {
        super("extend");
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> session = parameters.getOrDefault("session", List.of());
        List<String> minutes = parameters.getOrDefault("minutes", List.of());
        if (session.size() != 1
                || !session.get(0).matches("\\d{1,18}")
                || minutes.size() != 1
                || !minutes.get(0).matches("\\d{1,3}")
                || Integer.parseInt(minutes.get(0)) < 1
                || Integer.parseInt(minutes.get(0)) > 240) {
            output.println(
                    "say which lab session and how many minutes (1-240): POST /tasks/extend?session=<id>&minutes=<m>"
                            + " (./assay extend <id> <minutes>)");
            return;
        }
        long id = Long.parseLong(session.get(0));
        Duration more = Duration.ofMinutes(Integer.parseInt(minutes.get(0)));
        boolean extended = jdbi.withExtension(
                LabSessionDao.class, dao -> dao.extend(id, more, "an admin (/tasks/extend)", clock.instant()));
        output.println(
                extended
                        ? "lab session " + id + " has " + more.toMinutes()
                                + " more minutes; reload the lab page to see the new time"
                        : "lab session " + id + " is not active: only a running lab can be extended");
    }
}
