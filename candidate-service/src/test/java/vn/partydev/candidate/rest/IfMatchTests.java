package vn.partydev.candidate.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.rest.IfMatch;

/** The If-Match forms a client may send on a step (api.md): quoted, weak, a list, or any version. */
class IfMatchTests {

    @Test
    void theCurrentVersionInAnyFormPasses() {
        for (String header : new String[] {"\"7\"", "7", "W/\"7\"", " \"3\", W/\"7\" ", "*", "", null}) {
            assertDoesNotThrow(() -> IfMatch.check(header, 7), String.valueOf(header));
        }
    }

    @Test
    void anotherVersionIsStale412() {
        for (String header : new String[] {"\"6\"", "W/\"70\"", "\"3\", \"8\"", "W/7x"}) {
            ApiException e = assertThrows(ApiException.class, () -> IfMatch.check(header, 7), header);
            assertEquals(412, e.status());
        }
    }
}
