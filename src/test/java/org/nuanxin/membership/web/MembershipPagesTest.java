package org.nuanxin.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.Role;
import org.nuanxin.membership.People;
import org.nuanxin.support.AsWorker;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.ScopedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The membership pages over HTTP: the join form (refusals beside their fields, the township step without
 * JavaScript, the duplicate refusal naming state and union only), the member page, the card with its QR code, the
 * public verification page (no session), the worker's data as JSON and erasure, and the review console.
 */
@NuanxinTest
class MembershipPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.nuanxin.kernel.CityTime time;

    @Autowired
    org.nuanxin.identity.PersonalData personalData;

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder join(String mobile, String name, String id, String... more) {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("name", name);
        params.put("residentIdNumber", id);
        params.put("occupation", "FOOD_DELIVERY_RIDER");
        params.put("route", "WORK_LOCATION");
        params.put("district", "500103");
        params.put("township", "500103003");
        params.put("noticeVersion", "2026-1");
        for (int i = 0; i + 1 < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        MockHttpServletRequestBuilder b =
                post("/m/join").with(AsWorker.mobile(mobile)).with(csrf());
        params.forEach(b::param);
        return b;
    }

    @Test
    void theJoinFormRefusesByFieldAndKeepsWhatWasTyped() throws Exception {
        String mobile = People.mobile();
        String page = html(get("/m/join").with(AsWorker.mobile(mobile)));
        assertThat(page).contains("个人信息告知", "name=\"consent\"", "139****").doesNotContain(mobile.substring(3));
        // Without consent and with a wrong check character: both said, the name kept.
        String id = People.idNumber("500103");
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        String refused = html(join(mobile, "张三丰", wrong));
        assertThat(refused)
                .contains("请阅读个人信息告知，并勾选同意后再提交")
                .contains("value=\"张三丰\"")
                .contains("aria-invalid=\"true\"");
        // The township step: a district's townships, without JavaScript. Post, redirect, get: Back after joining
        // never asks to resend a form, and what was typed stays on the server, out of the URL.
        var posted = mvc.perform(join(mobile, "张三丰", id, "step", "district", "district", "500105", "township", ""))
                .andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/m/join#district");
        String step = html(get("/m/join").with(AsWorker.mobile(mobile)).flashAttrs(posted.getFlashMap()));
        assertThat(step)
                .contains("name=\"township\"")
                .contains("观音桥街道")
                .contains("value=\"张三丰\"", "value=\"" + id + "\"")
                .doesNotContain("请阅读个人信息告知");
        // "Use my location" (JavaScript): the same, with the district found from the position.
        var located = mvc.perform(join(mobile, "张三丰", id, "step", "locate", "lat", "29.5576", "lng", "106.5770"))
                .andReturn();
        assertThat(located.getResponse().getRedirectedUrl()).isEqualTo("/m/join#district");
        assertThat(html(get("/m/join").with(AsWorker.mobile(mobile)).flashAttrs(located.getFlashMap())))
                .contains("解放碑街道", "value=\"张三丰\"")
                .doesNotContain("您的位置不在重庆市");
        var nowhere = mvc.perform(join(mobile, "张三丰", id, "step", "locate", "lat", "1", "lng", "1"))
                .andReturn();
        assertThat(html(get("/m/join").with(AsWorker.mobile(mobile)).flashAttrs(nowhere.getFlashMap())))
                .contains("value=\"张三丰\"", "您的位置不在重庆市");
    }

    @Test
    void joiningThenApprovalThenTheCardAndItsPublicCheck() throws Exception {
        String mobile = People.mobile();
        String id = People.idNumber("500103");
        MockHttpServletResponse sent = mvc.perform(join(mobile, "张三丰", id, "consent", "true"))
                .andReturn()
                .getResponse();
        assertThat(sent.getRedirectedUrl()).isEqualTo("/m/member?applied");
        assertThat(html(get("/m/member").with(AsWorker.mobile(mobile)))).contains("待审核", "解放碑街道工会");

        // Someone else with the same number: a neutral refusal beside the number, nothing of the membership.
        String other = html(join(People.mobile(), "李四", id, "consent", "true"));
        assertThat(other)
                .contains("这个身份证号码不能在线入会", "请用入会时登记的手机号登录", "id=\"id-error\"")
                .doesNotContain("张三丰", "张*", "已有会籍", "待审核", "解放碑街道工会", "id=\"existing\"");
        // The holder sending it again is sent to their own page, which names state and union.
        MockHttpServletResponse again = mvc.perform(join(mobile, "张三丰", id, "consent", "true"))
                .andReturn()
                .getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo("/m/member");

        long memberId = jdbc.sql("SELECT id FROM member WHERE name = '张三丰' ORDER BY id DESC LIMIT 1")
                .query(Long.class)
                .single();
        var staff = authentication(ScopedUser.of(jdbc, "pages-staff", Role.UNION_STAFF, "500103003"));
        String queue = html(get("/console/membership/applications").with(staff));
        assertThat(queue)
                .contains("/console/membership/applications/" + memberId)
                .contains("张**");
        assertThat(queue).doesNotContain("张三丰").doesNotContain(id);
        String application =
                html(get("/console/membership/applications/" + memberId).with(staff));
        assertThat(application).contains("5001**********", "id=\"age\"").doesNotContain(id, "id=\"under-age\"");
        int age = java.time.Period.between(
                        java.time.LocalDate.parse(
                                id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                        time.today())
                .getYears();
        assertThat(application).contains("（" + age + " 岁）");
        mvc.perform(post("/console/membership/applications/" + memberId + "/approve")
                .with(staff)
                .with(csrf())
                .param("version", "0"));

        String member = html(get("/m/member").with(AsWorker.mobile(mobile)));
        assertThat(member).contains("会员", "/m/member/card");
        String card = html(get("/m/member/card").with(AsWorker.mobile(mobile)));
        assertThat(card).contains("<svg", "class=\"nx-qr\"", "张三丰", "CQ");
        Matcher url = Pattern.compile("http://localhost(/m/verify/[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{14})")
                .matcher(card);
        assertThat(url.find()).as("the card names its verification URL").isTrue();

        MockHttpServletResponse check =
                mvc.perform(get(url.group(1))).andReturn().getResponse();
        assertThat(check.getStatus()).isEqualTo(200);
        String verdict = check.getContentAsString(StandardCharsets.UTF_8);
        // No member number (CQ and 11 digits; a bare "CQ" can occur in the page's random tokens).
        assertThat(verdict)
                .contains("有效会员", "张**", "解放碑街道工会")
                .doesNotContain("张三丰")
                .doesNotContainPattern("CQ\\d{11}");
        // No session: checked over real HTTP in MembershipBrowserTest (csrf() here swaps the token repository
        // for a session-based one).
        assertThat(check.getHeader("Cache-Control")).contains("no-store");

        // The worker's data: JSON with the phone, the identity number masked.
        MockHttpServletResponse json = mvc.perform(get("/m/me/data.json").with(AsWorker.mobile(mobile)))
                .andReturn()
                .getResponse();
        assertThat(json.getHeader("Content-Disposition")).contains("attachment");
        String body = json.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"mobile\":\"" + mobile + "\"", "\"state\":\"ACTIVE\"", "5001**********");
        assertThat(body).doesNotContain(id);
        assertThat(html(get("/m/me/data").with(AsWorker.mobile(mobile)))).contains("将删除", "将保留", "第四十七条");

        // Erase: without the box ticked nothing happens; with it the card is dead and nothing is held.
        mvc.perform(post("/m/me/data/erase").with(AsWorker.mobile(mobile)).with(csrf()));
        assertThat(html(get(url.group(1)))).contains("有效会员");
        String number = jdbc.sql("SELECT member_number FROM member WHERE id = ?")
                .param(memberId)
                .query(String.class)
                .single();
        var erased = mvc.perform(post("/m/me/data/erase")
                        .with(AsWorker.mobile(mobile))
                        .with(csrf())
                        .param("confirm", "true"))
                .andReturn();
        assertThat(erased.getResponse().getRedirectedUrl()).isEqualTo("/m/me/data?erased");
        assertThat(html(get(url.group(1)))).contains("已失效").doesNotContain("张*");
        // Right after: what the union keeps, shown once (the record is no longer linked to the phone).
        String after =
                html(get("/m/me/data?erased").with(AsWorker.mobile(mobile)).flashAttrs(erased.getFlashMap()));
        assertThat(after)
                .contains("您的个人信息已删除", "工会保留的会籍记录", number, "外卖骑手", "工作地入会", "解放碑街道工会")
                .contains("没有保存您的入会信息")
                .doesNotContain("见上方", "张三丰", "5001**********");
        String later = html(get("/m/me/data?erased").with(AsWorker.mobile(mobile)));
        assertThat(later).contains("工会保留的会籍档案（会员号、职业").doesNotContain(number);
        // The copy says what the page says is held: the sign-in mobile, nothing else.
        String kept = mvc.perform(get("/m/me/data.json").with(AsWorker.mobile(mobile)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(kept).isEqualTo("{\"mobile\":\"" + mobile + "\"}");
    }

    @Test
    void aRetriedTransferRequestGoesToTheMemberPageAndTheReviewerSeesWhoMoves() throws Exception {
        String mobile = People.mobile();
        String id = People.idNumber("500103");
        mvc.perform(join(mobile, "王五", id, "consent", "true"));
        long memberId = jdbc.sql("SELECT id FROM member WHERE name = '王五' ORDER BY id DESC LIMIT 1")
                .query(Long.class)
                .single();
        var from = authentication(ScopedUser.of(jdbc, "pages-from", Role.UNION_STAFF, "500103003"));
        mvc.perform(post("/console/membership/applications/" + memberId + "/approve")
                .with(from)
                .with(csrf())
                .param("version", "0"));
        String number = jdbc.sql("SELECT member_number FROM member WHERE id = ?")
                .param(memberId)
                .query(String.class)
                .single();

        MockHttpServletRequestBuilder request = post("/m/member/transfer")
                .with(AsWorker.mobile(mobile))
                .with(csrf())
                .param("district", "500105")
                .param("township", "")
                .param("reason", "换到江北送餐");
        assertThat(mvc.perform(request).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/m/member?transferRequested");
        // The same request again (a retry on a bad network), and the form while the transfer is pending.
        MockHttpServletResponse retry = mvc.perform(request).andReturn().getResponse();
        assertThat(retry.getStatus()).isEqualTo(302);
        assertThat(retry.getRedirectedUrl()).isEqualTo("/m/member");
        MockHttpServletResponse form = mvc.perform(get("/m/member/transfer").with(AsWorker.mobile(mobile)))
                .andReturn()
                .getResponse();
        assertThat(form.getStatus()).isEqualTo(302);
        assertThat(form.getRedirectedUrl()).isEqualTo("/m/member");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM membership_transfer WHERE member_id = ?")
                        .param(memberId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The receiving union's reviewer sees who moves, masked; another district's staff get 404.
        long transferId = jdbc.sql("SELECT id FROM membership_transfer WHERE member_id = ?")
                .param(memberId)
                .query(Long.class)
                .single();
        var to = authentication(ScopedUser.of(jdbc, "pages-to", Role.UNION_STAFF, "500105"));
        String review = html(get("/console/membership/transfers/" + transferId).with(to));
        assertThat(review)
                .contains("王**", number, "5001**********")
                .doesNotContain("王五")
                .doesNotContain(id);
        var elsewhere = authentication(ScopedUser.of(jdbc, "pages-elsewhere", Role.UNION_STAFF, "500106"));
        assertThat(mvc.perform(get("/console/membership/transfers/" + transferId)
                                .with(elsewhere))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // The member's page offers to take the request back; doing so (twice: a retry) leaves one cancelled request.
        assertThat(html(get("/m/member").with(AsWorker.mobile(mobile)))).contains("id=\"transfer-cancel\"");
        for (String expected : List.of("/m/member?transferCancelled", "/m/member")) {
            assertThat(mvc.perform(post("/m/member/transfer/cancel")
                                    .with(AsWorker.mobile(mobile))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo(expected);
        }
        assertThat(jdbc.sql("SELECT state FROM membership_transfer WHERE id = ?")
                        .param(transferId)
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
        assertThat(html(get("/m/member").with(AsWorker.mobile(mobile)))).doesNotContain("id=\"transfer-cancel\"");
    }

    @Test
    void theSixthRefusedNumberIsRefusedAsOverTheLimit() throws Exception {
        String prober = People.mobile();
        for (int i = 1; i <= 6; i++) {
            String id = People.idNumber("500103");
            mvc.perform(join(People.mobile(), "持有人", id, "consent", "true"));
            String page = html(join(prober, "试探", id, "consent", "true"));
            if (i <= 5) {
                assertThat(page).as("try " + i).contains("这个身份证号码不能在线入会").doesNotContain("暂停受理");
            } else {
                assertThat(page)
                        .contains("本手机号 24 小时内已有 5 次提交的身份证号码不能在线入会，暂停受理其他身份证号码")
                        .doesNotContain("这个身份证号码不能在线入会", "解放碑街道工会");
            }
        }
    }

    @Test
    void aChildsNumberIsRefusedBesideTheFieldAndTheReviewerSeesAnAgeUnderSixteen() throws Exception {
        String seventeen = "500103" + "20140501" + "123";
        String child = seventeen + People.check(seventeen);
        String page = html(join(People.mobile(), "小明", child, "consent", "true"));
        assertThat(page).contains("未满 16 周岁不能入会（《劳动法》第十五条）", "id=\"id-error\"");
        String english = html(join(People.mobile(), "小明", child, "consent", "true")
                .param("lang", "en")
                .header("Accept-Language", "en"));
        assertThat(english).contains("You must be at least 16 to join (Labour Law, art. 15)");

        // An application made before the rule (written directly): the reviewer sees the age and the warning.
        String mobile = People.mobile();
        String adult = People.idNumber("500103");
        mvc.perform(join(mobile, "小红", adult, "consent", "true"));
        long memberId = jdbc.sql("SELECT id FROM member WHERE name = '小红' ORDER BY id DESC LIMIT 1")
                .query(Long.class)
                .single();
        String sealedChild = personalData
                .seal(org.nuanxin.identity.PersonalDataKind.RESIDENT_ID_NUMBER, child)
                .ciphertext();
        jdbc.sql("UPDATE member SET id_number_sealed = ? WHERE id = ?")
                .params(sealedChild, memberId)
                .update();
        var staff = authentication(ScopedUser.of(jdbc, "pages-age", Role.UNION_STAFF, "500103003"));
        int age = java.time.Period.between(java.time.LocalDate.of(2014, 5, 1), time.today())
                .getYears();
        assertThat(html(get("/console/membership/applications/" + memberId).with(staff)))
                .contains("（" + age + " 岁）", "未满 16 周岁，不能入会", "id=\"under-age\"")
                .doesNotContain(child);
        // Approving it is refused: back to the application, which says why; it still waits.
        int version = jdbc.sql("SELECT version FROM member WHERE id = ?")
                .param(memberId)
                .query(Integer.class)
                .single();
        String back = mvc.perform(post("/console/membership/applications/" + memberId + "/approve")
                        .param("version", String.valueOf(version))
                        .with(staff)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(back).isEqualTo("/console/membership/applications/" + memberId);
        assertThat(jdbc.sql("SELECT state || ' ' || COALESCE(member_number, '-') FROM member WHERE id = ?")
                        .param(memberId)
                        .query(String.class)
                        .single())
                .isEqualTo("APPLIED -");
    }

    @Test
    void anonymousWorkersAreSentToTheWorkerSignIn() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/m/join")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).contains("/m/signin");
    }
}
