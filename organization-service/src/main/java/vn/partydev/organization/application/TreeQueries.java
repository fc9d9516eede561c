package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.persistence.NodeRow;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.TreeRepository;
import vn.partydev.organization.rest.DecisionDto;
import vn.partydev.organization.rest.LineageView;
import vn.partydev.organization.rest.OrganizationItem;
import vn.partydev.organization.security.OrganizationScope;

/** Tree navigation as of a date (children, subtree, ancestors), search and lineage, within the caller's scope. */
@ApplicationScoped
public class TreeQueries {

    @Inject
    TreeRepository tree;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    /** Search; the parent, if given, must be visible (else 404) so the answer never hints at what is outside. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationItem> search(UUID parentId, OrganizationType type, OrganizationKind kind, String q,
                                         LocalDate asOf, PageRequest page, boolean explicitSort) {
        if (parentId != null) {
            scope.requireVisible(parentId, asOf);
        }
        String folded = q == null || q.isBlank() ? null : SearchText.fold(q);
        return map(tree.search(new TreeRepository.Search(parentId, type, kind, folded, asOf),
                scope.listFilter("v.organization_id", asOf), page, explicitSort));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationItem> children(UUID id, LocalDate asOf, PageRequest page) {
        requireExistingAndVisible(id, asOf);
        return map(tree.children(id, asOf, page));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationItem> subtree(UUID id, int depth, LocalDate asOf, PageRequest page) {
        return map(tree.subtree(requireExistingAndVisible(id, asOf), depth, asOf, page));
    }

    /**
     * Ancestors top-down without the node. They are shown like the {@code path} of GET /{id}: a user sees where
     * their organization stands, not what else hangs off the ancestors.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationItem> ancestors(UUID id, LocalDate asOf) {
        // One statement for the node's chain that day (ADR 0083): empty when it did not stand in the tree, and the
        // scope check reads the same chain.
        List<NodeRow> chain = tree.chain(id, asOf);
        if (chain.isEmpty()) {
            throw OrganizationScope.notFound(id);
        }
        scope.requireVisible(id, asOf, chain.stream().map(NodeRow::id).toList());
        List<OrganizationItem> items = chain.subList(0, chain.size() - 1).stream().map(OrganizationItem::of).toList();
        return new Page<>(items, 0, items.size(), items.size());
    }

    /** Predecessors and successors; entries outside the caller's scope are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LineageView lineage(UUID id) {
        if (organizations.latestVersion(id).isEmpty()) {
            throw OrganizationScope.notFound(id);
        }
        scope.requireVisibleEver(id);
        return new LineageView(entries(tree.predecessors(id), true), entries(tree.successors(id), false));
    }

    private List<LineageView.Entry> entries(List<TreeRepository.LineageRow> rows, boolean predecessors) {
        return rows.stream()
                .filter(r -> scope.sees(r.organizationId(), predecessors ? r.effectiveOn().minusDays(1) : r.effectiveOn()))
                .map(r -> new LineageView.Entry(r.organizationId(), r.name(), r.kind(), r.effectiveOn(),
                        DecisionDto.of(r.decision())))
                .toList();
    }

    /** The node's stored path on asOf (ADR 0083); 404 when it did not stand in the tree that day or is out of scope. */
    private OrganizationRepository.StoredPath requireExistingAndVisible(UUID id, LocalDate asOf) {
        OrganizationRepository.StoredPath path = organizations.storedPathOn(id, asOf)
                .orElseThrow(() -> OrganizationScope.notFound(id));
        scope.requireVisible(id, asOf, path.chain());
        return path;
    }

    private static Page<OrganizationItem> map(Page<vn.partydev.organization.persistence.NodeRow> rows) {
        return new Page<>(rows.items().stream().map(OrganizationItem::of).toList(), rows.page(), rows.size(),
                rows.totalItems());
    }
}
