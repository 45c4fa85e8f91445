package org.nuanxin.organization.internal.enterprise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.nuanxin.identity.OrganizationTree;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.DemoDataSetting;
import org.nuanxin.organization.Organizations;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demonstration data of the registry: the 15 head platform enterprises of the reference
 * ({@code organization/head-enterprises.csv}, synthetic credit codes, see its header) with their enterprise
 * unions in the tree, and the campaign 头部企业建会攻坚 (2024) that targets them. Demo data, not reference
 * data: the codes are invented, so a production database never gets it unless asked. Loaded, like the station
 * demo roster, when {@code nuanxin.enterprise.demo-data} is "auto" on an embedded H2 database, or "true", and
 * only into an empty registry.
 */
@Component
class EnterpriseDemoData implements ApplicationRunner {

    static final String CAMPAIGN = "头部企业建会攻坚";
    private static final Logger log = LoggerFactory.getLogger(EnterpriseDemoData.class);

    private final EnterpriseProperties properties;
    private final DataSource dataSource;
    private final EnterpriseRepository enterprises;
    private final CampaignRepository campaigns;
    private final EnterpriseUnionNodes unions;
    private final EnterpriseService service;
    private final Organizations organizations;
    private final OrganizationTree tree;
    private final TransactionTemplate transactions;
    private final CityTime time;

    EnterpriseDemoData(
            EnterpriseProperties properties,
            DataSource dataSource,
            EnterpriseRepository enterprises,
            CampaignRepository campaigns,
            EnterpriseUnionNodes unions,
            EnterpriseService service,
            Organizations organizations,
            OrganizationTree tree,
            TransactionTemplate transactions,
            CityTime time) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.enterprises = enterprises;
        this.campaigns = campaigns;
        this.unions = unions;
        this.service = service;
        this.organizations = organizations;
        this.tree = tree;
        this.transactions = transactions;
        this.time = time;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled() && enterprises.countAll() == 0 && campaigns.countAll() == 0) {
            int count = load();
            log.info(
                    "Demo data: {} head enterprises and the campaign {} loaded (synthetic credit codes)",
                    count,
                    CAMPAIGN);
        }
    }

    private boolean enabled() {
        return DemoDataSetting.enabled(properties.demoData(), dataSource);
    }

    /**
     * Loads the enterprises, their unions and the campaign in one transaction, with the
     * {@code EnterpriseUnionEstablished} events (published inside it, so the outbox keeps them).
     *
     * @return the number of enterprises
     */
    int load() {
        return transactions.execute(tx -> {
            Instant now = time.now();
            long root = tree.rootId();
            long campaign = campaigns.insert(
                    CAMPAIGN,
                    LocalDate.of(2024, 3, 1),
                    LocalDate.of(2024, 12, 31),
                    root,
                    "演示数据：15 家头部平台企业全部建会（参考重庆市总工会 2024 年成绩）；统一社会信用代码为按算法生成的虚构代码。",
                    true,
                    now);
            int count = 0;
            for (String[] row : rows()) {
                String code = UnifiedSocialCreditCode.parse(row[1])
                        .code()
                        .orElseThrow(() -> new IllegalStateException("invalid demo credit code " + row[1]))
                        .value();
                long owner = organizations.territorial(row[4]).orElseThrow().id();
                LocalDate established = LocalDate.parse(row[9]);
                EnterpriseValues v = new EnterpriseValues(
                        row[0],
                        code,
                        Industry.valueOf(row[2]),
                        EnterpriseSize.valueOf(row[3]),
                        row[4],
                        "1".equals(row[5]),
                        "1".equals(row[6]),
                        "1".equals(row[7]),
                        Integer.valueOf(row[8]),
                        UnionStatus.ESTABLISHED,
                        established,
                        null,
                        "演示数据（虚构信用代码）");
                long union = unions.create(row[0], owner, established, now);
                long id = enterprises.insert(v, owner, union, true, now);
                service.announce(id, v, union, owner);
                campaigns.addTarget(campaign, id, now);
                count++;
            }
            return count;
        });
    }

    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("organization/head-enterprises.csv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
