package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.CsvCells;
import org.tongxin.order.OrderDtos.*;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgDtos.HouseholdLabel;
import org.tongxin.org.OrgService;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;

/**
 * What a window's orders add up to, for the community's staff and the suppliers serving it
 * (集采集送): totals per building and product, the purchase list per product, and the delivery
 * sheet volunteers print and sign (by building, then room), as JSON, CSV or XLSX.
 */
@ApplicationScoped
public class WindowSummaryService {

    static final String[] SHEET_HEADER = {"楼栋 Building", "房号 Room", "商品 Product", "数量 Quantity", "方式 Delivery",
            "备注 Note", "签收 Signed"};
    static final String[] PURCHASE_HEADER = {"供应商 Supplier", "商品 Product", "单位 Unit", "数量 Quantity", "金额(分) Amount (fen)"};
    /** How the purchase sheet names the products that have no supplier. */
    static final String NO_SUPPLIER = "未指定 Unassigned";
    /** Products without a supplier come last in the purchase list. */
    private static final Comparator<String> SUPPLIER_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private final WindowSummaryRepository summaries;
    private final WindowRepository windows;
    private final HouseholdService households;
    private final OrgService org;
    private final ScopeGuard scope;
    private final AccountService accounts;
    private final AuditTrail audit;

    WindowSummaryService(WindowSummaryRepository summaries, WindowRepository windows, HouseholdService households,
                         OrgService org, ScopeGuard scope, AccountService accounts, AuditTrail audit) {
        this.summaries = summaries;
        this.windows = windows;
        this.households = households;
        this.org = org;
        this.scope = scope;
        this.accounts = accounts;
        this.audit = audit;
    }

    public WindowSummary summary(Caller caller, UUID windowId) {
        List<OrderLineRow> lines = access(caller, windowId).lines();
        List<ProductTotal> totals = totals(lines);
        return new WindowSummary(windowId, byBuilding(lines), totals, purchaseLists(totals));
    }

    /** The window's live orders per hour, for its staff (the console's chart); 403 for anyone else. */
    public List<HourCount> perHour(Caller caller, UUID windowId) {
        OrderingWindow window = windows.findByIdOptional(windowId).orElseThrow(() -> new ApiException(OrderError.WINDOW_NOT_FOUND));
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(window.getCommunityId()));
        return summaries.perHour(windowId);
    }

    /** What each building gets of each product (no rooms): what a supplier packs. */
    private List<BuildingLine> byBuilding(List<OrderLineRow> lines) {
        Map<UUID, HouseholdLabel> labels = households.labels(lines.stream().map(OrderLineRow::householdId).distinct().toList());
        Map<List<Object>, BuildingLine> byBuilding = new LinkedHashMap<>();
        for (OrderLineRow l : lines) {
            HouseholdLabel h = labels.get(l.householdId());
            byBuilding.merge(List.of(h.buildingId(), l.productId()),
                    new BuildingLine(h.buildingId(), h.buildingName(), l.productId(), l.productName(), l.quantity()),
                    (a, b) -> new BuildingLine(a.buildingId(), a.buildingName(), a.productId(), a.productName(),
                            a.quantity() + b.quantity()));
        }
        return byBuilding.values().stream()
                .sorted(Comparator.comparing(BuildingLine::buildingName).thenComparing(BuildingLine::productName)).toList();
    }

    /**
     * The delivery sheet as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
     * Chinese right). Staff get one row per household and product, with room and note; a supplier
     * gets one row per building and product, with no room, mode or note.
     */
    public String csv(Caller caller, UUID windowId) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(SHEET_HEADER).get())) {
            for (SheetRow row : sheet(caller, windowId, access(caller, windowId))) {
                printer.printRecord(CsvCells.text(row.building()), CsvCells.text(row.room()), CsvCells.text(row.product()),
                        row.quantity(), row.deliveryMode(), CsvCells.text(row.note()), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The delivery sheet and the purchase list (by supplier, then product) as an XLSX workbook of two sheets. */
    public byte[] xlsx(Caller caller, UUID windowId) {
        Access access = access(caller, windowId);
        List<SheetRow> rows = sheet(caller, windowId, access);
        List<ProductTotal> totals = totals(access.lines());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Tongxin", "1.0");
            Worksheet sheet = wb.newWorksheet("配送单");
            for (int c = 0; c < SHEET_HEADER.length; c++) {
                sheet.value(0, c, SHEET_HEADER[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                SheetRow row = rows.get(r);
                sheet.value(r + 1, 0, row.building());
                sheet.value(r + 1, 1, row.room());
                sheet.value(r + 1, 2, row.product());
                sheet.value(r + 1, 3, row.quantity());
                sheet.value(r + 1, 4, row.deliveryMode());
                sheet.value(r + 1, 5, row.note() == null ? "" : row.note());
            }
            Worksheet purchase = wb.newWorksheet("集采汇总");
            for (int c = 0; c < PURCHASE_HEADER.length; c++) {
                purchase.value(0, c, PURCHASE_HEADER[c]);
            }
            for (int r = 0; r < totals.size(); r++) {
                ProductTotal t = totals.get(r);
                purchase.value(r + 1, 0, t.supplier() == null ? NO_SUPPLIER : t.supplier());
                purchase.value(r + 1, 1, t.productName());
                purchase.value(r + 1, 2, t.unit());
                purchase.value(r + 1, 3, t.quantity());
                purchase.value(r + 1, 4, t.amountFen());
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The sheet's rows; a staff sheet (rooms and notes) is reported to the audit trail before it is made. */
    private List<SheetRow> sheet(Caller caller, UUID windowId, Access access) {
        if (!access.staff()) {
            return byBuilding(access.lines()).stream()
                    .map(b -> new SheetRow(b.buildingName(), "", b.productName(), b.quantity(), "", null)).toList();
        }
        List<OrderLineRow> lines = access.lines();
        audit.sheet(caller, AuditKind.DELIVERY_SHEET, windowId, lines.size());
        Map<UUID, HouseholdLabel> labels = households.labels(lines.stream().map(OrderLineRow::householdId).distinct().toList());
        List<SheetRow> rows = new ArrayList<>();
        for (OrderLineRow l : lines) {
            HouseholdLabel h = labels.get(l.householdId());
            rows.add(new SheetRow(h.buildingName(), h.room(), l.productName(), l.quantity(), l.deliveryMode().name(), l.note()));
        }
        rows.sort(Comparator.comparing(SheetRow::building).thenComparing(SheetRow::room).thenComparing(SheetRow::product));
        return rows;
    }

    private static List<ProductTotal> totals(List<OrderLineRow> lines) {
        return lines.stream().collect(Collectors.groupingBy(OrderLineRow::productId, LinkedHashMap::new, Collectors.toList()))
                .values().stream()
                .map(ls -> new ProductTotal(ls.get(0).productId(), ls.get(0).productName(), ls.get(0).unit(),
                        ls.get(0).supplier(), ls.stream().mapToInt(OrderLineRow::quantity).sum(),
                        ls.stream().mapToLong(l -> (long) l.quantity() * l.priceFen()).sum()))
                .sorted(Comparator.comparing(ProductTotal::supplier, SUPPLIER_ORDER).thenComparing(ProductTotal::productName))
                .toList();
    }

    /** The totals (already in supplier order) split into one purchase list per supplier, for each 集采 order. */
    private static List<PurchaseList> purchaseLists(List<ProductTotal> totals) {
        Map<String, List<ProductTotal>> bySupplier = new LinkedHashMap<>(); // a null key: products without a supplier
        totals.forEach(t -> bySupplier.computeIfAbsent(t.supplier(), s -> new ArrayList<>()).add(t));
        return bySupplier.entrySet().stream().map(e -> new PurchaseList(e.getKey(), List.copyOf(e.getValue()),
                e.getValue().stream().mapToLong(ProductTotal::amountFen).sum())).toList();
    }

    /**
     * The window's lines the caller may see, and whether the caller is its community's staff (all
     * lines) or a supplier serving it (the lines of its own products: a SUPPLIER grant names the
     * supplier, and one that names none sees none); 403 for anyone else.
     */
    private Access access(Caller caller, UUID windowId) {
        OrderingWindow window = windows.findByIdOptional(windowId).orElseThrow(() -> new ApiException(OrderError.WINDOW_NOT_FOUND));
        var where = org.locateCommunity(window.getCommunityId());
        if (scope.allows(caller, Role.COMMUNITY_STAFF, where)) {
            return new Access(summaries.lines(windowId), true);
        }
        if (!scope.holdsIn(caller, Role.SUPPLIER, where.communityId())) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        String supplier = accounts.supplierIn(caller.userId(), where.communityId()).orElse(null);
        return new Access(summaries.lines(windowId).stream().filter(l -> l.supplier() != null && l.supplier().equals(supplier))
                .toList(), false);
    }

    /** What the caller may see of a window: staff see households (rooms, notes), a supplier only buildings. */
    private record Access(List<OrderLineRow> lines, boolean staff) {}
}
