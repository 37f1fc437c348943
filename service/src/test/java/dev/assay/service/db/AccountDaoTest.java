package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.service.core.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccountDaoTest {
    static Stream<Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @ParameterizedTest
    @MethodSource("databases")
    void usersRoundTripAsRecords(Jdbi jdbi) {
        long id = jdbi.withExtension(UserDao.class, users -> users.insert("ana@example.com", "Ana", "admin", "h", NOW));
        User user = jdbi.withExtension(UserDao.class, users -> users.findByEmail("ana@example.com"))
                .orElseThrow();
        assertThat(user.id()).isEqualTo(id);
        assertThat(user.role()).isEqualTo(Role.ADMIN);
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user.active()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void emailsAreUnique(Jdbi jdbi) {
        jdbi.useExtension(UserDao.class, users -> users.insert("bo@example.com", "Bo", "interviewer", "h", NOW));
        assertThatThrownBy(() -> jdbi.useExtension(
                        UserDao.class, users -> users.insert("bo@example.com", "Bo 2", "admin", "h", NOW)))
                .message()
                .containsIgnoringCase("users_email_uq");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sessionsFindTheirUserUntilTheyExpire(Jdbi jdbi) {
        long id = jdbi.withExtension(UserDao.class, users -> users.insert("cy@example.com", "Cy", "admin", "h", NOW));
        Instant expires = NOW.plus(1, ChronoUnit.HOURS);
        jdbi.useExtension(WebSessionDao.class, sessions -> sessions.insert("hash-1", id, NOW, expires));

        Optional<User> during = jdbi.withExtension(WebSessionDao.class, s -> s.findUser("hash-1", NOW.plusSeconds(60)));
        Optional<User> after = jdbi.withExtension(WebSessionDao.class, s -> s.findUser("hash-1", expires));
        Optional<User> unknown = jdbi.withExtension(WebSessionDao.class, s -> s.findUser("other", NOW));
        int removed = jdbi.withExtension(WebSessionDao.class, s -> s.deleteExpired(expires));

        assertThat(during).get().extracting(User::email).isEqualTo("cy@example.com");
        assertThat(after).isEmpty();
        assertThat(unknown).isEmpty();
        assertThat(removed).isEqualTo(1);
    }
}
