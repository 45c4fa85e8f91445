package org.nuanxin.grid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.internal.Block;
import org.nuanxin.grid.internal.BlockInput;
import org.nuanxin.grid.internal.BlockService;
import org.nuanxin.grid.internal.GridWorkerService;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.People;
import org.nuanxin.membership.internal.JoinRequest;
import org.nuanxin.membership.internal.Member;
import org.nuanxin.membership.internal.ReviewService;
import org.nuanxin.membership.internal.WorkerMembershipService;
import org.nuanxin.support.AsWorker;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.ScopedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** /m/grid: the nearest blocks from a point or a district, joining (members only) and leaving. */
@NuanxinTest
@AutoConfigureMockMvc
class WorkerGridPageTest {

    static final Random RANDOM = new Random(System.nanoTime());
    static final String JIEFANGBEI = "500103003";

    @Autowired
    MockMvc mvc;

    @Autowired
    BlockService blocks;

    @Autowired
    GridWorkerService workers;

    @Autowired
    WorkerMembershipService memberships;

    @Autowired
    ReviewService reviews;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A small square block (about 100 m across) in 渝中区; returns it and a point inside it. */
    record Drawn(Block block, GeoPoint inside) {}

    Drawn block() {
        ScopedUser.signIn(ScopedUser.of(jdbc, "grid-staff-500103", Role.GRID_STAFF, "500103"));
        try {
            for (int attempt = 0; ; attempt++) {
                GeoPoint c = divisions.randomPointIn("500103", RANDOM);
                double d = 0.0005;
                String wkt = String.format(
                        Locale.ROOT,
                        "POLYGON ((%1$.6f %2$.6f, %3$.6f %2$.6f, %3$.6f %4$.6f, %1$.6f %4$.6f, %1$.6f %2$.6f))",
                        c.longitude() - d,
                        c.latitude() - d,
                        c.longitude() + d,
                        c.latitude() + d);
                try {
                    Block b = blocks.create(
                            new BlockInput("测试骑手友好街区" + RANDOM.nextInt(1_000_000), "500103", null, "测试社区", wkt, "张某"));
                    return new Drawn(b, c);
                } catch (InvalidInputException e) {
                    if (attempt > 20) {
                        throw e;
                    }
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    String member() {
        String mobile = People.mobile();
        long id = memberships.join(
                new CurrentWorker(mobile),
                new JoinRequest(
                        "张三丰",
                        People.idNumber("500103"),
                        "外卖骑手",
                        "",
                        EnrollmentRoute.WORK_LOCATION.name(),
                        "500103",
                        JIEFANGBEI,
                        true,
                        WorkerMembershipService.NOTICE_VERSION));
        ScopedUser.signIn(ScopedUser.of(jdbc, "reviewer-" + JIEFANGBEI, Role.UNION_STAFF, JIEFANGBEI));
        try {
            Member m = reviews.find(id).orElseThrow();
            reviews.approve(id, m.version());
        } finally {
            SecurityContextHolder.clearContext();
        }
        return mobile;
    }

    Document page(String mobile, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(AsWorker.mobile(mobile)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aMemberFindsTheBlockTheyAreInJoinsItAndLeaves() throws Exception {
        Drawn drawn = block();
        String mobile = member();
        String here = "/m/grid?lat=" + drawn.inside().latitude() + "&lng="
                + drawn.inside().longitude() + "&crs=wgs84";

        Document before = page(mobile, here);
        assertThat(before.select("#not-enrolled")).hasSize(1);
        assertThat(before.select("#points").text()).isEqualTo("0");
        var first = before.select("#blocks > li").first();
        assertThat(first.id()).isEqualTo("block-" + drawn.block().id());
        assertThat(first.text()).contains(drawn.block().name()).contains("您就在这个街区内");

        mvc.perform(post("/m/grid/enrol")
                        .param("block", Long.toString(drawn.block().id()))
                        .with(csrf())
                        .with(AsWorker.mobile(mobile)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/m/grid?enrolled"));
        assertThat(workers.current(mobile))
                .hasValueSatisfying(
                        w -> assertThat(w.blockId()).isEqualTo(drawn.block().id()));

        Document after = page(mobile, here);
        assertThat(after.select("#current-block").text())
                .isEqualTo(drawn.block().name());
        assertThat(after.select("#block-" + drawn.block().id()).text()).contains("您已加入这个街区");
        assertThat(after.select("#enrol-" + drawn.block().id())).isEmpty();

        mvc.perform(post("/m/grid/leave").with(csrf()).with(AsWorker.mobile(mobile)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/m/grid?left"));
        assertThat(workers.current(mobile)).isEmpty();
        assertThat(page(mobile, "/m/grid?left").select("#not-enrolled")).hasSize(1);
    }

    @Test
    void aRiderWhoIsNotAMemberIsToldToJoinTheUnionFirst() throws Exception {
        Drawn drawn = block();
        String mobile = People.mobile();

        String html = mvc.perform(post("/m/grid/enrol")
                        .param("block", Long.toString(drawn.block().id()))
                        .param("district", "500103")
                        .with(csrf())
                        .with(AsWorker.mobile(mobile)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        Document d = Jsoup.parse(html);
        assertThat(d.select("#grid-problem").text()).contains("工会会员");
        assertThat(d.select("#join-link").attr("href")).isEqualTo("/m/join");
        assertThat(workers.current(mobile)).isEmpty();
    }

    @Test
    void aNonMemberIsToldBeforePressingJoinAndIsOfferedNoJoinButton() throws Exception {
        block();
        String html = mvc.perform(get("/m/grid").param("district", "500103").with(AsWorker.mobile(People.mobile())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        Document d = Jsoup.parse(html);
        assertThat(d.select("#members-only").text()).contains("工会会员");
        assertThat(d.select("#join-first").attr("href")).isEqualTo("/m/join");
        assertThat(d.select("form[action=/m/grid/enrol]")).isEmpty();
    }

    @Test
    void withoutJavaScriptADistrictListsTheBlocksFromItsCentre() throws Exception {
        block();
        Document d = page(People.mobile(), "/m/grid?district=500103");

        assertThat(d.select("#district option[selected]").val()).isEqualTo("500103");
        assertThat(d.text()).contains("按距区县中心的距离排列");
        assertThat(d.select("#blocks > li")).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(d.select("#blocks > li").text()).doesNotContain("您就在这个街区内");
    }

    @Test
    void aPointOutsideChongqingIsSaid() throws Exception {
        Document d = page(People.mobile(), "/m/grid?lat=39.9042&lng=116.4074");
        assertThat(d.select(".nx-problem").text()).contains("不在重庆");
    }
}
