package vn.partydev.organization.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fired (as a synchronous CDI event, inside the reorganization's transaction) once a reorganization has
 * changed the tree, so that other parts of the service follow it in the same transaction: the roster moves
 * the members of merged and split organizations. An observer that throws rolls the whole reorganization back.
 *
 * @param kind        MERGE, SPLIT, MOVE, RENAME, UPGRADE, DOWNGRADE or DISSOLVE
 * @param sourceIds   the organizations reorganized
 * @param targetIds   the organizations they became (for MERGE the one target; for SPLIT each target)
 * @param memberMoves for SPLIT: member id → target organization id, as the decision assigns them; for MERGE
 *                    empty (every member of every source goes to the single target)
 */
public record Reorganized(UUID reorganizationId, String kind, LocalDate effectiveOn, Decision decision,
                          List<UUID> sourceIds, List<UUID> targetIds, Map<UUID, UUID> memberMoves) {
}
