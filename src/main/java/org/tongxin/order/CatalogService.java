package org.tongxin.order;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.SqlErrors;
import org.tongxin.order.OrderDtos.*;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgService;

/**
 * What a community sells and when (集采集送): its products, and ordering windows with stock per
 * product, set up by its staff; the catalogue residents order from.
 */
@ApplicationScoped
public class CatalogService {

    private final ProductRepository products;
    private final WindowRepository windows;
    private final OrgService org;
    private final HouseholdService households;
    private final ScopeGuard scope;
    private final Clock clock;
    private final OrderConfig config;

    CatalogService(ProductRepository products, WindowRepository windows, OrgService org, HouseholdService households,
                   ScopeGuard scope, Clock clock, OrderConfig config) {
        this.products = products;
        this.windows = windows;
        this.org = org;
        this.households = households;
        this.scope = scope;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public ProductView createProduct(Caller caller, @NotNull @Valid CreateProduct req) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(req.communityId()));
        if (products.nameTaken(req.communityId(), req.name().strip())) {
            throw new ApiException(OrderError.PRODUCT_NAME_TAKEN);
        }
        Product p = new Product(req.communityId(), req.name().strip(), req.kind(), req.priceFen(), req.unit().strip(),
                req.perHouseholdLimit(), req.supplier() == null || req.supplier().isBlank() ? null : req.supplier().strip());
        SqlErrors.insertUnique(OrderError.PRODUCT_NAME_TAKEN, () -> products.persistAndFlush(p));
        Log.infof("product created id=%s community=%s", p.getId(), req.communityId());
        return ProductView.from(p);
    }

    /** A window with its stock; every product must be the community's, each listed once. */
    @Transactional
    public WindowView createWindow(Caller caller, @NotNull @Valid CreateWindow req) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(req.communityId()));
        if (!req.closesAt().isAfter(req.opensAt())) {
            throw ApiException.invalid("closesAt", "结束时间须晚于开始时间", "must be after opensAt");
        }
        Map<UUID, Integer> stock = req.stock().stream()
                .collect(Collectors.toMap(StockLine::productId, StockLine::quantity, Integer::sum));
        Map<UUID, Product> known = products.byIds(stock.keySet()).stream()
                .collect(Collectors.toMap(Product::getId, Function.identity()));
        for (UUID productId : stock.keySet()) {
            Product p = known.get(productId);
            if (p == null) {
                throw new ApiException(OrderError.PRODUCT_NOT_FOUND);
            }
            if (!p.getCommunityId().equals(req.communityId())) {
                throw new ApiException(OrderError.PRODUCT_ELSEWHERE);
            }
        }
        int buckets = req.stockBuckets() == null ? config.stockBuckets() : req.stockBuckets();
        OrderingWindow w = new OrderingWindow(req.communityId(), req.opensAt(), req.closesAt(), caller.userId(), buckets);
        windows.persistAndFlush(w);
        stock.forEach((productId, quantity) -> windows.addStock(w.getId(), productId, Math.min(quantity, 1_000_000), buckets));
        Log.infof("ordering window created id=%s community=%s products=%d", w.getId(), req.communityId(), stock.size());
        return WindowView.from(w);
    }

    /** The community's latest windows (up to {@code limit}), newest first, for its staff; 403 for anyone else. */
    public List<WindowView> windows(Caller caller, @NotNull UUID communityId, int limit) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        return windows.latest(communityId, limit).stream().map(WindowView::from).toList();
    }

    /** The community's products, for its staff; 403 for anyone else. */
    public List<ProductView> products(Caller caller, @NotNull UUID communityId) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        return products.ofCommunity(communityId).stream().map(ProductView::from).toList();
    }

    /** What a window sells and what is left of each, for the staff of its community; 404 WINDOW_NOT_FOUND, 403. */
    public List<CatalogItem> stock(Caller caller, UUID windowId) {
        OrderingWindow w = windows.findByIdOptional(windowId).orElseThrow(() -> new ApiException(OrderError.WINDOW_NOT_FOUND));
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(w.getCommunityId()));
        return windows.items(windowId);
    }

    /**
     * The community's open window and what is left of each product; no window, no items. For its
     * residents, its volunteers and suppliers, and staff whose scope reaches it; 403 for anyone else.
     */
    public Catalog catalog(Caller caller, @NotNull UUID communityId) {
        OrgLocation community = org.locateCommunity(communityId);
        if (!households.livesIn(caller.userId(), communityId) && !scope.worksIn(caller, community)
                && !scope.holdsIn(caller, Role.VOLUNTEER, communityId) && !scope.holdsIn(caller, Role.SUPPLIER, communityId)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        return windows.openIn(communityId, OffsetDateTime.now(clock))
                .map(w -> new Catalog(WindowView.from(w), windows.items(w.getId())))
                .orElse(new Catalog(null, List.of()));
    }
}
