package dev.assay.service.db;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/** Binds a {@link SessionState} as its wire value (Jdbi would bind an enum by its constant name). */
final class SessionStateArgument extends AbstractArgumentFactory<SessionState> {
    SessionStateArgument() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(SessionState state, ConfigRegistry config) {
        return (position, statement, context) -> statement.setString(position, state.wire());
    }
}
