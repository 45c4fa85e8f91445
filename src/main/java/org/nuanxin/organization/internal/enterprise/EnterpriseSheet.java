package org.nuanxin.organization.internal.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nuanxin.spreadsheet.SheetSchema;

/**
 * The registry as a sheet: the columns the import reads and the export writes, in the same order with the
 * same headers, so an exported registry can be edited and imported again unchanged.
 */
final class EnterpriseSheet {

    /** Written by the export after the imported columns; ignored by the import. */
    static final String OWNER_HEADER = "所属组织";

    static final SheetSchema SCHEMA = SheetSchema.builder()
            .required("name", "企业名称", "名称", "单位名称", "企业", "name")
            .required("creditCode", "统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "credit code", "uscc")
            .required("industry", "行业", "所属行业", "行业类别", "industry")
            .optional("size", "企业规模", "规模", "size")
            .required("district", "所在区县", "区县", "所属区县", "区/县", "district")
            .optional("platform", "平台企业", "是否平台企业", "platform")
            .optional("head", "头部企业", "是否头部企业", "head")
            .optional("backbone", "骨干企业", "是否骨干企业", "backbone")
            .optional("workerCount", "新就业形态劳动者人数", "劳动者人数", "新就业形态劳动者", "从业人数", "workers")
            .optional("unionStatus", "建会状态", "是否建会", "建会情况", "union status")
            .optional("unionEstablishedOn", "建会日期", "建会时间", "工会成立日期", "established")
            .optional("responsible", "负责人", "责任人", "联系人账号", "responsible")
            .optional("notes", "备注", "说明", "notes")
            .build();

    private EnterpriseSheet() {}

    /** @return the export's header row: the schema's headers, then the owner */
    static List<String> headers() {
        List<String> headers = new ArrayList<>(SCHEMA.headers());
        headers.add(OWNER_HEADER);
        return headers;
    }

    /** @return one export row, in {@link #headers()} order */
    static List<Object> row(Enterprise e, Map<String, String> districtNames) {
        List<Object> row = new ArrayList<>();
        row.add(e.name());
        row.add(e.creditCode());
        row.add(e.industry().label());
        row.add(e.size() == null ? null : e.size().label());
        row.add(districtNames.getOrDefault(e.districtCode(), e.districtCode()));
        row.add(e.platform() ? "是" : "否");
        row.add(e.head() ? "是" : "否");
        row.add(e.backbone() ? "是" : "否");
        row.add(e.workerCount());
        row.add(e.unionStatus().label());
        row.add(e.unionEstablishedOn());
        row.add(e.responsible());
        row.add(e.notes());
        row.add(e.organizationName());
        return row;
    }

    /** @return the input of one import row */
    static EnterpriseInput input(org.nuanxin.spreadsheet.SheetRow row) {
        return new EnterpriseInput(
                row.values().get("name"),
                row.values().get("creditCode"),
                row.values().get("industry"),
                row.values().get("size"),
                row.values().get("district"),
                row.values().get("platform"),
                row.values().get("head"),
                row.values().get("backbone"),
                row.values().get("workerCount"),
                row.values().get("unionStatus"),
                row.values().get("unionEstablishedOn"),
                row.values().get("responsible"),
                row.values().get("notes"),
                null,
                null);
    }
}
