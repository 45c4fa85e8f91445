package org.nuanxin.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * The station module with the modules it uses: creating a station publishes {@link StationsChanged}
 * in the same transaction, and the finder's listener (asynchronous, after commit, through the outbox)
 * brings the new station into the answers.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class StationModuleTest {

    /** 解放碑, WGS-84. */
    private static final GeoPoint JIEFANGBEI = new GeoPoint(106.5734, 29.5603);

    @Autowired
    StationCatalog catalog;

    @Autowired
    StationFinder finder;

    @Test
    @WithMockUser(username = "staff", roles = "UNION_STAFF")
    void aNewStationIsPublishedAndReachesTheFinder(Scenario scenario) {
        scenario.stimulate(() -> catalog.create(new StationInput(
                        null,
                        "模块测试驿站",
                        "企业",
                        "渝中区",
                        "解放碑1号",
                        "106.5734",
                        "29.5603",
                        "WGS-84",
                        "测试",
                        "13800138000",
                        "全天24小时",
                        "饮水",
                        null)))
                .andWaitForEventOfType(StationsChanged.class)
                .matching(event -> !event.all() && event.stationIds().size() == 1)
                .toArriveAndVerify((event, created) -> {
                    assertThat(event.stationIds()).containsExactly(created.id());
                    assertThat(created.code()).startsWith("500103-");
                });

        scenario.stimulate(() -> {})
                .andWaitForStateChange(
                        () -> finder.nearest(JIEFANGBEI, Set.of(Amenity.WATER), false, 1), found -> !found.isEmpty())
                .andVerify(found ->
                        assertThat(found).extracting(n -> n.station().name()).isEqualTo(List.of("模块测试驿站")));
    }
}
