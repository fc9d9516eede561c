package vn.partydev.organization.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/** An organization's identity and life span; its attributes over time are {@link OrganizationVersionEntity}. */
@Entity
@Table(name = "organization")
public class OrganizationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Optimistic version: the ETag, checked against If-Match. */
    @Version
    public long version;

    @Column(name = "established_on", nullable = false)
    public LocalDate establishedOn;

    /** The last day it existed (inclusive), once dissolved or merged away. */
    @Column(name = "ended_on")
    public LocalDate endedOn;
}
