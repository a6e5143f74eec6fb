package org.tongxin.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import org.tongxin.common.Hashing;

/**
 * Dev mode only: fills an empty database with the real streets, towns, communities and villages
 * of Rencheng District (任城区) named in the report, each community with one grid, one building
 * and four households, so that the first run shows a populated district. Only when
 * {@code tongxin.org.demo-data} is on (the dev profile).
 */
@ApplicationScoped
public class DemoData {

    private final StreetRepository streets;
    private final CommunityRepository communities;
    private final GridRepository grids;
    private final BuildingRepository buildings;
    private final HouseholdRepository households;
    private final ObjectMapper json;
    private final OrgConfig config;

    DemoData(StreetRepository streets, CommunityRepository communities, GridRepository grids,
             BuildingRepository buildings, HouseholdRepository households, ObjectMapper json, OrgConfig config) {
        this.streets = streets;
        this.communities = communities;
        this.grids = grids;
        this.buildings = buildings;
        this.households = households;
        this.json = json;
        this.config = config;
    }

    @Transactional
    void load(@Observes StartupEvent ignored) throws IOException {
        if (!config.demoData() || streets.count() > 0) {
            return;
        }
        JsonNode root;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/rencheng.json")) {
            root = json.readTree(in);
        }
        int count = 0;
        for (JsonNode s : root.get("streets")) {
            Street street = new Street(s.get("name").asText(), Street.Kind.valueOf(s.get("kind").asText()));
            streets.persist(street);
            for (JsonNode c : s.get("communities")) {
                Community community = new Community(street.getId(), c.get("name").asText(),
                        Community.Kind.valueOf(c.get("kind").asText()));
                communities.persist(community);
                Grid grid = new Grid(community.getId(), "一网格");
                grids.persist(grid);
                Building building = new Building(grid.getId(), community.getKind() == Community.Kind.VILLAGE ? "一巷" : "1号楼");
                buildings.persist(building);
                for (String room : new String[] {"101", "102", "201", "202"}) {
                    households.persist(new Household(building.getId(), room, Hashing.randomCode(HouseholdService.JOIN_CODE_LENGTH)));
                }
                count++;
            }
        }
        Log.infof("demo data loaded: %d streets, %d communities", streets.count(), count);
    }
}
