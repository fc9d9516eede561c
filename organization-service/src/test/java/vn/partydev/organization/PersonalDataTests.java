package vn.partydev.organization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Citizen ids never reach an exception message (and so never a log line), even when the database refuses one. */
@QuarkusTest
class PersonalDataTests {

    @Inject
    EntityManager em;

    @Test
    void aUniqueViolationOnACitizenIdDoesNotCarryTheValue() {
        String cccd = Roster.citizenId();
        insert(cccd);
        RuntimeException refused = assertThrows(RuntimeException.class, () -> insert(cccd));
        boolean sawUniqueViolation = false;
        for (Throwable t = refused; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains(cccd), "the citizen id leaked into: " + message);
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                sawUniqueViolation = true;
            }
        }
        assertTrue(sawUniqueViolation, "expected the unique index to refuse the second live member");
    }

    private void insert(String citizenId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO member (id, citizen_id, "
                        + "admitted_on, current_status, source) VALUES (?1, ?2, DATE '2005-01-01', 'OFFICIAL', 'TEST')")
                .setParameter(1, UUID.randomUUID()).setParameter(2, citizenId).executeUpdate());
    }
}
