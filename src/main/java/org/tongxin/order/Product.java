package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.UUID;

/** A supply package a community sells (肉蔬包/蔬菜包/米面包...), priced in fen, with a per-household limit. */
@Entity
public class Product {

    /** The kinds of package the district sells. */
    public enum Kind { MEAT_VEG, VEG, RICE_FLOUR, OTHER }

    @Id
    private UUID id;
    @Column(name = "community_id")
    private UUID communityId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "price_fen")
    private int priceFen;
    private String unit;
    @Column(name = "per_household_limit")
    private int perHouseholdLimit;
    /** The contracted supplier (保供企业) it is bought from, or null. */
    private String supplier;

    protected Product() {}

    public Product(UUID communityId, String name, Kind kind, int priceFen, String unit, int perHouseholdLimit,
                   String supplier) {
        this.id = UUID.randomUUID();
        this.communityId = communityId;
        this.name = name;
        this.kind = kind;
        this.priceFen = priceFen;
        this.unit = unit;
        this.perHouseholdLimit = perHouseholdLimit;
        this.supplier = supplier;
    }

    public UUID getId() { return id; }
    public UUID getCommunityId() { return communityId; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public int getPriceFen() { return priceFen; }
    public String getUnit() { return unit; }
    public int getPerHouseholdLimit() { return perHouseholdLimit; }
    public String getSupplier() { return supplier; }
}
