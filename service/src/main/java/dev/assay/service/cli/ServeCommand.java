package dev.assay.service.cli;

import dev.assay.service.AssayConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** Dropwizard's {@code server} command, ending with what to do when the cause is one a user can fix. */
public final class ServeCommand extends ServerCommand<AssayConfiguration> {
    public ServeCommand(Application<AssayConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.report(cli, "server", error);
    }
}
