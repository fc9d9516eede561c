package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.security.Caller;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.domain.Reorganized;
import vn.partydev.organization.domain.ReorganizationKind;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.messaging.OrganizationEvents;
import vn.partydev.organization.messaging.OrganizationState;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.persistence.TransactionLocks;
import vn.partydev.organization.persistence.TreeWrites;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Sắp xếp tổ chức (QĐ 294-QĐ/TW, Kết luận 137-KL/TW): merge, split, move, rename, upgrade, downgrade or
 * dissolve organizations by one decision effective one day, all-or-nothing. Every structural rule is checked
 * before anything is written and every violation is reported at once; codes are checked after the change is
 * flushed, and a clash rolls the whole reorganization back (409). Lineage is recorded, the roster follows
 * through the {@link Reorganized} CDI event in the same transaction, and one event per affected node goes
 * to the outbox.
 */
@ApplicationScoped
public class Reorganize {

    @Inject
    TransactionLocks locks;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    @Inject
    OrganizationTimeline timeline;

    @Inject
    OrganizationEvents events;

    @Inject
    Event<Reorganized> reorganized;

    @Inject
    TreeWrites treeWrites;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /** A new organization a MERGE or SPLIT creates, with (SPLIT) the children and members that go to it. */
    public record Target(String code, String name, OrganizationType type, OrganizationKind kind, UUID parentId,
                         List<UUID> childIds, List<UUID> memberIds) {
    }

    public record Command(ReorganizationKind kind, LocalDate effectiveOn, Decision decision, List<UUID> sourceIds,
                          List<Target> targets, UUID newParentId, String name) {
    }

    public record Result(UUID id, ReorganizationKind kind, LocalDate effectiveOn, List<UUID> sourceIds,
                         List<UUID> targetIds) {
    }

    /** The state of the tree the checks read, gathered once. */
    private record Source(UUID id, OrganizationVersionEntity version) {
    }

    @Transactional
    public Result reorganize(Command command) {
        LocalDate on = command.effectiveOn();
        LocalDate dayBefore = on.minusDays(1);

        // 1. Who may: an organizer reorganizes only what lies strictly below its own organization.
        for (UUID sourceId : command.sourceIds()) {
            if (scope.isOwnOrganization(sourceId) && !scope.isNational()
                    && !caller.hasRole(vn.partydev.kit.security.Roles.ADMIN)) {
                throw new ApiException(403, "OWN_ORGANIZATION", Text.of("Không có quyền", "Forbidden"),
                        Text.of("Người làm công tác tổ chức không được sắp xếp chính tổ chức của mình.",
                                "An organizer may not reorganize their own organization."), null);
            }
        }
        // 2. What they may see: every source the day before, every new parent on the day; else 404.
        List<Source> sources = new ArrayList<>();
        for (UUID sourceId : command.sourceIds()) {
            OrganizationVersionEntity version = organizations.versionOn(sourceId, dayBefore)
                    .or(() -> organizations.latestVersion(sourceId))
                    .orElseThrow(() -> OrganizationScope.notFound(sourceId));
            LocalDate seenOn = version.validTo != null && version.validTo.isBefore(dayBefore) ? version.validTo : dayBefore;
            scope.requireVisible(sourceId, seenOn);
            sources.add(new Source(sourceId, version));
        }
        Set<UUID> parents = new HashSet<>();
        if (command.newParentId() != null) {
            parents.add(command.newParentId());
        }
        for (Target target : command.targets()) {
            if (target.parentId() != null) {
                parents.add(target.parentId());
            }
        }
        for (UUID parent : parents) {
            if (organizations.latestVersion(parent).isEmpty()) {
                throw OrganizationScope.notFound(parent);
            }
            scope.requireVisible(parent, on);
        }

        // 3. The rules, every violation at once.
        List<Violation> violations = new ArrayList<>();
        for (Source source : sources) {
            violations.addAll(timeline.whyNotChangeable(source.id(), on, "effectiveOn"));
        }
        if (command.decision().date().isAfter(LocalDate.now())) {
            violations.add(OrganizationTimeline.futureDecision("decision.date", command.decision().date()));
        }
        Map<UUID, List<OrganizationVersionEntity>> children = new LinkedHashMap<>();
        for (Source source : sources) {
            children.put(source.id(), organizations.childrenOn(source.id(), on));
        }
        // Latest version of every child, read once for the "changeable on that day" check of each (ADR 0060).
        Map<UUID, OrganizationVersionEntity> childLatest = organizations.latestVersions(
                children.values().stream().flatMap(List::stream).map(v -> v.organizationId).toList());
        List<Target> targets = resolveTargetParents(command, sources);
        switch (command.kind()) {
            case MERGE -> checkMerge(targets.get(0), sources, children, childLatest, on, violations);
            case SPLIT -> checkSplit(targets, sources.get(0), children.get(sources.get(0).id()), childLatest, on,
                    violations);
            case MOVE -> checkMove(sources.get(0), command.newParentId(), on, violations);
            case RENAME -> {
                if (SearchText.nfc(command.name()).equals(sources.get(0).version().name)) {
                    violations.add(Violation.ofRule("NOTHING_TO_CHANGE", Text.of(
                            "Tên mới trùng tên hiện tại.", "The new name is the current name."), Map.of()));
                }
            }
            case UPGRADE -> checkType(sources.get(0), OrganizationType.GRASSROOTS_CELL, violations);
            case DOWNGRADE -> {
                checkType(sources.get(0), OrganizationType.GRASSROOTS_COMMITTEE, violations);
                checkNoLiveChildren(sources, children, Set.of(), "DOWNGRADE_CHILDREN_REMAIN", violations);
            }
            case DISSOLVE -> checkNoLiveChildren(sources, children, new HashSet<>(command.sourceIds()),
                    "DISSOLVE_CHILDREN_REMAIN", violations);
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }

        // 4. The change.
        UUID reorganizationId = UUID.randomUUID();
        insertReorganization(reorganizationId, command);
        Change change = switch (command.kind()) {
            case MERGE -> merge(reorganizationId, command, targets.get(0), sources, children);
            case SPLIT -> split(reorganizationId, command, targets, sources.get(0));
            case MOVE -> reshape(command, sources.get(0), v -> v.parentId = command.newParentId());
            case RENAME -> reshape(command, sources.get(0), v -> rename(v, command.name()));
            case UPGRADE -> reshape(command, sources.get(0), v -> {
                v.type = OrganizationType.GRASSROOTS_COMMITTEE;
                rename(v, command.name());
            });
            case DOWNGRADE -> reshape(command, sources.get(0), v -> {
                v.type = OrganizationType.GRASSROOTS_CELL;
                rename(v, command.name());
            });
            case DISSOLVE -> dissolve(command, sources);
        };
        insertNodes(reorganizationId, command.sourceIds(), "SOURCE");
        insertNodes(reorganizationId, change.targetIds().stream()
                .filter(target -> !command.sourceIds().contains(target)).toList(), "TARGET");
        organizations.flush();
        // One parent at a time, in id order, so that two reorganizations never wait for each other crosswise.
        change.placed().stream().map(placed -> placed.parentId).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(locks::siblingCodes);
        for (OrganizationVersionEntity placed : change.placed()) {
            if (organizations.codeClashes(placed.organizationId, placed.parentId, placed.code, on)) {
                throw OrganizationTimeline.duplicateCode(placed.code);
            }
        }
        // Children re-parented in bulk all stand under a new organization: one check per new parent.
        for (UUID newParent : change.newParentsOfMoved()) {
            treeWrites.clashingCodeUnder(newParent, on).ifPresent(code -> {
                throw OrganizationTimeline.duplicateCode(code);
            });
        }

        // 5. The rest of the service follows in this transaction (the roster moves members); then the events.
        reorganized.fire(new Reorganized(reorganizationId, command.kind().name(), on, command.decision(),
                List.copyOf(command.sourceIds()), change.targetIds(), change.memberMoves()));
        OrganizationState.Reorganization lineage = new OrganizationState.Reorganization(reorganizationId,
                command.kind(), on, List.copyOf(command.sourceIds()), change.targetIds(), command.decision());
        events.reorganizedAll(change.affected().stream()
                .map(a -> new OrganizationEvents.Pending(a.eventType(), a.state().apply(lineage))).toList());
        return new Result(reorganizationId, command.kind(), on, List.copyOf(command.sourceIds()), change.targetIds());
    }

    /**
     * A node the reorganization touched and the event that tells about it; the state is taken when the events
     * are written (after every change, so it carries the final version), with the reorganization's lineage.
     */
    private record Affected(String eventType,
                            java.util.function.Function<OrganizationState.Reorganization, OrganizationState> state) {

        static Affected of(String eventType, OrganizationEntity organization, OrganizationVersionEntity version) {
            return new Affected(eventType, r -> OrganizationEvents.state(organization, version, r));
        }

        static Affected of(String eventType, TreeWrites.Moved m) {
            // Same rule as OrganizationEvents.state: a node whose last version reaches its end is DISSOLVED.
            OrganizationStatus status = m.endedOn() != null && m.validTo() != null && !m.validTo().isBefore(m.endedOn())
                    ? OrganizationStatus.DISSOLVED : m.status();
            return new Affected(eventType, r -> new OrganizationState(m.organizationId(), m.code(), m.name(), m.type(),
                    m.kind(), m.parentId(), status, m.establishedOn(), m.endedOn(), m.validFrom(), m.validTo(),
                    m.decision(), m.version(), r));
        }
    }

    /**
     * What a reorganization did: targets, member moves, events to publish, the versions that (newly) stand under
     * a parent, whose code must be unique among the siblings, and the new parents under which children were
     * re-parented in bulk (their codes are checked once per parent).
     */
    private record Change(List<UUID> targetIds, Map<UUID, UUID> memberMoves, List<Affected> affected,
                          List<OrganizationVersionEntity> placed, List<UUID> newParentsOfMoved) {
    }

    // ---- checks ----

    private List<Target> resolveTargetParents(Command command, List<Source> sources) {
        // A new organization stands, unless the decision says otherwise, where its (first) source stood.
        UUID defaultParent = sources.isEmpty() ? null : sources.get(0).version().parentId;
        return command.targets().stream().map(t -> t.parentId() != null ? t
                : new Target(t.code(), t.name(), t.type(), t.kind(), defaultParent, t.childIds(), t.memberIds())).toList();
    }

    private void checkMerge(Target target, List<Source> sources, Map<UUID, List<OrganizationVersionEntity>> children,
                            Map<UUID, OrganizationVersionEntity> childLatest, LocalDate on, List<Violation> violations) {
        Set<UUID> sourceIds = new HashSet<>(sources.stream().map(Source::id).toList());
        checkTargetPlacement(target, "targets[0]", sourceIds, on, violations);
        for (List<OrganizationVersionEntity> list : children.values()) {
            for (OrganizationVersionEntity child : list) {
                checkChildMove(child, childLatest, target.type(), "sourceIds", on, violations);
            }
        }
    }

    private void checkSplit(List<Target> targets, Source source, List<OrganizationVersionEntity> children,
                            Map<UUID, OrganizationVersionEntity> childLatest, LocalDate on, List<Violation> violations) {
        Map<UUID, OrganizationVersionEntity> live = new HashMap<>();
        children.forEach(c -> live.put(c.organizationId, c));
        Set<UUID> assigned = new HashSet<>();
        Set<UUID> membersAssigned = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String field = "targets[" + i + "]";
            checkTargetPlacement(target, field, Set.of(source.id()), on, violations);
            for (UUID childId : target.childIds()) {
                OrganizationVersionEntity child = live.get(childId);
                if (child == null) {
                    violations.add(new Violation("NOT_A_CHILD", field + ".childIds",
                            "Tổ chức " + childId + " không trực thuộc tổ chức bị chia tách vào ngày " + on + ".",
                            "Organization " + childId + " is not a child of the split organization on " + on + ".",
                            Map.of("childId", childId)));
                } else if (!assigned.add(childId)) {
                    violations.add(new Violation("CHILD_ASSIGNED_TWICE", field + ".childIds",
                            "Tổ chức " + child.name + " được giao cho nhiều tổ chức mới.",
                            child.name + " is assigned to more than one new organization.", Map.of("childId", childId)));
                } else {
                    checkChildMove(child, childLatest, target.type(), field + ".childIds", on, violations);
                }
            }
            for (UUID memberId : target.memberIds()) {
                if (!membersAssigned.add(memberId)) {
                    violations.add(new Violation("MEMBER_ASSIGNED_TWICE", field + ".memberIds",
                            "Đảng viên " + memberId + " được giao cho nhiều tổ chức mới.",
                            "Member " + memberId + " is assigned to more than one new organization.",
                            Map.of("memberId", memberId)));
                }
            }
        }
        for (OrganizationVersionEntity child : children) {
            if (!assigned.contains(child.organizationId)) {
                violations.add(new Violation("CHILD_UNASSIGNED", "targets",
                        "Tổ chức trực thuộc " + child.name + " chưa được giao cho tổ chức mới nào.",
                        "Child organization " + child.name + " is not assigned to any new organization.",
                        Map.of("childId", child.organizationId)));
            }
        }
    }

    private void checkMove(Source source, UUID newParentId, LocalDate on, List<Violation> violations) {
        Optional<OrganizationVersionEntity> parent = activeParent(newParentId, on, "newParentId", violations);
        if (parent.isEmpty()) {
            return;
        }
        boolean cycle = organizations.pathOn(newParentId, on).stream().anyMatch(n -> n.id().equals(source.id()));
        if (cycle) {
            violations.add(new Violation("NO_CYCLE", "newParentId",
                    "Không thể chuyển " + source.version().name + " vào chính nó hoặc tổ chức cấp dưới của nó.",
                    "Cannot move " + source.version().name + " under itself or one of its descendants.",
                    Map.of("sourceId", source.id(), "newParentId", newParentId)));
        } else if (newParentId.equals(source.version().parentId)) {
            violations.add(new Violation("NOTHING_TO_CHANGE", "newParentId",
                    source.version().name + " đã trực thuộc tổ chức này.",
                    source.version().name + " already stands under this parent.", Map.of("newParentId", newParentId)));
        }
        if (!source.version().type.mayStandUnder(parent.get().type)) {
            violations.add(placement(source.version().type, parent.get().type, "newParentId"));
        }
    }

    private void checkType(Source source, OrganizationType expected, List<Violation> violations) {
        if (source.version().type != expected) {
            violations.add(new Violation("WRONG_TYPE", "sourceIds",
                    "Chỉ áp dụng cho tổ chức loại " + expected + "; " + source.version().name + " là "
                            + source.version().type + ".",
                    "Applies only to a " + expected + "; " + source.version().name + " is a " + source.version().type + ".",
                    Map.of("sourceId", source.id(), "type", source.version().type, "expected", expected)));
        }
    }

    /** ADR 0010: a dissolution (or a downgrade) leaves no live child behind; move or dissolve them first. */
    private void checkNoLiveChildren(List<Source> sources, Map<UUID, List<OrganizationVersionEntity>> children,
                                     Set<UUID> alsoEnding, String rule, List<Violation> violations) {
        for (Source source : sources) {
            for (OrganizationVersionEntity child : children.get(source.id())) {
                if (!alsoEnding.contains(child.organizationId)) {
                    violations.add(new Violation(rule, "sourceIds",
                            source.version().name + " vẫn còn tổ chức trực thuộc " + child.name
                                    + "; hãy chuyển hoặc giải thể trước.",
                            source.version().name + " still has the child organization " + child.name
                                    + "; move or dissolve it first.",
                            Map.of("sourceId", source.id(), "childId", child.organizationId)));
                }
            }
        }
    }

    private void checkTargetPlacement(Target target, String field, Set<UUID> sourceIds, LocalDate on,
                                      List<Violation> violations) {
        if (target.parentId() == null) {
            if (!target.type().isTopNode()) {
                violations.add(placement(target.type(), null, field + ".parentId"));
            }
            return;
        }
        Optional<OrganizationVersionEntity> parent = activeParent(target.parentId(), on, field + ".parentId", violations);
        if (parent.isEmpty()) {
            return;
        }
        boolean underSource = organizations.pathOn(target.parentId(), on).stream().anyMatch(n -> sourceIds.contains(n.id()));
        if (underSource) {
            violations.add(new Violation("NO_CYCLE", field + ".parentId",
                    "Tổ chức mới không thể đặt dưới một tổ chức đang bị sắp xếp hoặc cấp dưới của nó.",
                    "A new organization cannot stand under a reorganized organization or its descendants.",
                    Map.of("parentId", target.parentId())));
        }
        if (!target.type().mayStandUnder(parent.get().type)) {
            violations.add(placement(target.type(), parent.get().type, field + ".type"));
        }
    }

    private void checkChildMove(OrganizationVersionEntity child, Map<UUID, OrganizationVersionEntity> childLatest,
                                OrganizationType newParentType, String field, LocalDate on, List<Violation> violations) {
        if (!child.type.mayStandUnder(newParentType)) {
            violations.add(placement(child.type, newParentType, field));
        }
        violations.addAll(timeline.whyNotChangeable(child.organizationId, childLatest.get(child.organizationId), on, field));
    }

    private Optional<OrganizationVersionEntity> activeParent(UUID parentId, LocalDate on, String field,
                                                             List<Violation> violations) {
        Optional<OrganizationVersionEntity> parent = organizations.versionOn(parentId, on);
        if (parent.isEmpty() || parent.get().status != OrganizationStatus.ACTIVE) {
            violations.add(new Violation("PARENT_ACTIVE", field,
                    "Tổ chức cấp trên không tồn tại hoặc đã giải thể vào ngày " + on + ".",
                    "The parent organization did not exist or was dissolved on " + on + ".",
                    Map.of("parentId", parentId, "effectiveOn", on)));
            return Optional.empty();
        }
        return parent;
    }

    private static Violation placement(OrganizationType type, OrganizationType parentType, String field) {
        String under = parentType == null ? "không có cấp trên" : "dưới " + parentType;
        String underEn = parentType == null ? "without a parent" : "under " + parentType;
        return new Violation("ORGANIZATION_PLACEMENT", field,
                "Loại " + type + " không được đặt " + under + ".", "Type " + type + " cannot stand " + underEn + ".",
                Map.of("type", type, "parentType", parentType == null ? "NONE" : parentType,
                        "allowedParents", type.allowedParents()));
    }

    // ---- changes ----

    private Change merge(UUID reorganizationId, Command command, Target target, List<Source> sources,
                         Map<UUID, List<OrganizationVersionEntity>> children) {
        LocalDate on = command.effectiveOn();
        List<Affected> affected = new ArrayList<>();
        List<OrganizationVersionEntity> placed = new ArrayList<>();
        OrganizationEntity created = establish(target, on, command.decision());
        OrganizationVersionEntity createdVersion = organizations.latestVersion(created.id).orElseThrow();
        placed.add(createdVersion);
        List<UUID> childIds = new ArrayList<>();
        for (Source source : sources) {
            children.get(source.id()).forEach(child -> childIds.add(child.organizationId));
        }
        reparentAll(childIds, created.id, command, affected, children.values().stream().flatMap(List::stream).toList());
        for (Source source : sources) {
            affected.add(endSource(source.id(), on, ReorganizationKind.MERGE.eventType()));
        }
        insertLineage(reorganizationId, sources.stream().map(Source::id).toList(), List.of(created.id));
        affected.add(Affected.of(ReorganizationKind.MERGE.eventType(), created, createdVersion));
        return new Change(List.of(created.id), Map.of(), affected, placed,
                childIds.isEmpty() ? List.of() : List.of(created.id));
    }

    private Change split(UUID reorganizationId, Command command, List<Target> targets, Source source) {
        LocalDate on = command.effectiveOn();
        List<Affected> affected = new ArrayList<>();
        List<Affected> childEvents = new ArrayList<>();
        List<OrganizationVersionEntity> placed = new ArrayList<>();
        List<UUID> targetIds = new ArrayList<>();
        List<UUID> newParents = new ArrayList<>();
        Map<UUID, UUID> memberMoves = new LinkedHashMap<>();
        List<OrganizationVersionEntity> loaded = organizations.childrenOn(source.id(), on);
        for (Target target : targets) {
            OrganizationEntity created = establish(target, on, command.decision());
            OrganizationVersionEntity createdVersion = organizations.latestVersion(created.id).orElseThrow();
            placed.add(createdVersion);
            targetIds.add(created.id);
            affected.add(Affected.of(ReorganizationKind.SPLIT.eventType(), created, createdVersion));
            reparentAll(target.childIds(), created.id, command, childEvents, loaded);
            if (!target.childIds().isEmpty()) {
                newParents.add(created.id);
            }
            target.memberIds().forEach(member -> memberMoves.put(member, created.id));
        }
        insertLineage(reorganizationId, List.of(source.id()), targetIds);
        affected.add(0, endSource(source.id(), on, ReorganizationKind.SPLIT.eventType()));
        affected.addAll(childEvents);
        return new Change(List.copyOf(targetIds), memberMoves, affected, placed, newParents);
    }

    /** MOVE, RENAME, UPGRADE, DOWNGRADE: the same organization continues in a new version. */
    private Change reshape(Command command, Source source, java.util.function.Consumer<OrganizationVersionEntity> edit) {
        OrganizationEntity organization = lock(source.id());
        OrganizationVersionEntity next = timeline.openVersion(source.id(), command.effectiveOn(), command.decision(), edit);
        List<OrganizationVersionEntity> placed = command.kind() == ReorganizationKind.MOVE ? List.of(next) : List.of();
        return new Change(List.of(source.id()), Map.of(),
                List.of(Affected.of(command.kind().eventType(), organization, next)), placed, List.of());
    }

    private Change dissolve(Command command, List<Source> sources) {
        List<Affected> affected = new ArrayList<>();
        for (Source source : sources) {
            affected.add(endSource(source.id(), command.effectiveOn(), ReorganizationKind.DISSOLVE.eventType()));
        }
        return new Change(List.of(), Map.of(), affected, List.of(), List.of());
    }

    private static void rename(OrganizationVersionEntity version, String name) {
        if (name != null && !name.isBlank()) {
            version.name = SearchText.nfc(name);
            version.nameSearch = SearchText.fold(version.name);
        }
    }

    private OrganizationEntity establish(Target target, LocalDate on, Decision decision) {
        OrganizationEntity organization = new OrganizationEntity();
        organization.id = UUID.randomUUID();
        organization.establishedOn = on;
        organization.persist();
        OrganizationVersionEntity version = new OrganizationVersionEntity();
        version.organizationId = organization.id;
        version.validFrom = on;
        version.code = SearchText.nfc(target.code());
        version.name = SearchText.nfc(target.name());
        version.nameSearch = SearchText.fold(version.name);
        version.type = target.type();
        version.kind = target.kind();
        version.parentId = target.parentId();
        version.status = OrganizationStatus.ACTIVE;
        version.decision(decision);
        version.persist();
        return organization;
    }

    /**
     * Re-parents every child under {@code newParent} set-based (ADR 0060): lock them all in id order, re-check
     * under the lock that each may still change on that day, then one statement closes and opens the versions
     * and bumps the ETags. {@code loaded} are version rows of these children this session holds: the statement
     * changes them behind its back, so they are detached.
     */
    private void reparentAll(List<UUID> childIds, UUID newParent, Command command, List<Affected> affected,
                             List<OrganizationVersionEntity> loaded) {
        if (childIds.isEmpty()) {
            return;
        }
        treeWrites.lock(childIds);
        organizations.detach(loaded);
        Map<UUID, OrganizationVersionEntity> latest = organizations.latestVersions(childIds);
        List<Violation> violations = new ArrayList<>();
        for (UUID childId : childIds) {
            violations.addAll(timeline.whyNotChangeable(childId, latest.get(childId), command.effectiveOn(), "effectiveOn"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        organizations.detach(latest.values());
        for (TreeWrites.Moved moved : treeWrites.reparent(childIds, newParent, command.effectiveOn(), command.decision())) {
            affected.add(Affected.of(OrganizationEvents.MOVED, moved));
        }
    }

    private Affected endSource(UUID id, LocalDate on, String eventType) {
        OrganizationEntity organization = lock(id);
        OrganizationVersionEntity last = timeline.end(organization, on);
        return Affected.of(eventType, organization, last);
    }

    private OrganizationEntity lock(UUID id) {
        OrganizationEntity organization = organizations.lockForUpdate(id).orElseThrow(() -> OrganizationScope.notFound(id));
        organizations.forceIncrement(organization);
        return organization;
    }

    private void insertReorganization(UUID id, Command command) {
        em.createNativeQuery("INSERT INTO reorganization (id, kind, effective_on, decision_number, decision_date, "
                        + "decision_issuer, requested_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id).setParameter(2, command.kind().name()).setParameter(3, command.effectiveOn())
                .setParameter(4, command.decision().number()).setParameter(5, command.decision().date())
                .setParameter(6, command.decision().issuer()).setParameter(7, caller.subject())
                .executeUpdate();
    }

    private void insertNodes(UUID reorganizationId, List<UUID> organizationIds, String role) {
        if (organizationIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("INSERT INTO reorganization_node (reorganization_id, organization_id, role) "
                        + "SELECT ?1, o, ?3 FROM unnest(CAST(string_to_array(?2, ',') AS uuid[])) o")
                .setParameter(1, reorganizationId).setParameter(2, joined(organizationIds)).setParameter(3, role)
                .executeUpdate();
    }

    /** Every predecessor → every successor, in one statement. */
    private void insertLineage(UUID reorganizationId, List<UUID> predecessors, List<UUID> successors) {
        em.createNativeQuery("INSERT INTO organization_lineage (reorganization_id, predecessor_id, successor_id) "
                        + "SELECT ?1, p, s FROM unnest(CAST(string_to_array(?2, ',') AS uuid[])) p, "
                        + "unnest(CAST(string_to_array(?3, ',') AS uuid[])) s")
                .setParameter(1, reorganizationId).setParameter(2, joined(predecessors))
                .setParameter(3, joined(successors)).executeUpdate();
    }

    private static String joined(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }
}
