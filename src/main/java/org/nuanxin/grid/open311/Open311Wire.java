package org.nuanxin.grid.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The documents of GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as records, one field per element in the
 * spec's order; names are written in snake case ({@code service_request_id}). A list answer is a JSON array, and in
 * XML the list's root element ({@code <service_requests>}) with one element per item ({@code <request>}). A null
 * field is {@code null} in JSON and an empty element in XML.
 */
final class Open311Wire {

    private Open311Wire() {}

    /** {@code GET discovery}. */
    @JacksonXmlRootElement(localName = "discovery")
    record Discovery(
            String changeset,
            String contact,
            String keyService,

            @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint")
            List<Endpoint> endpoints) {}

    /** One endpoint of the discovery document. */
    record Endpoint(
            String specification,
            String url,
            String changeset,
            String type,

            @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format")
            List<String> formats) {}

    /** One service of {@code GET services}: a hazard category. */
    record Service(
            String serviceCode,
            String serviceName,
            String description,
            boolean metadata,
            String type,
            String keywords,
            String group) {}

    /** {@code GET services/{code}}: the service definition (its extra attributes; none here, so an empty list). */
    @JacksonXmlRootElement(localName = "service_definition")
    record ServiceDefinition(
            String serviceCode,

            @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
            List<Object> attributes) {}

    /** The answer to {@code POST requests}: the request id right away (never only a token), and its token. */
    record Created(
            long serviceRequestId,
            String token,
            String serviceNotice,
            @Nullable String accountId) {}

    /** The answer to {@code GET tokens/{token}}. */
    record Token(long serviceRequestId, String token) {}

    /** One service request of {@code GET requests} and {@code GET requests/{id}}. */
    record Request(
            long serviceRequestId,
            String status,
            String statusNotes,
            String serviceName,
            String serviceCode,
            String description,
            String agencyResponsible,
            @Nullable String serviceNotice,
            String requestedDatetime,
            String updatedDatetime,
            @Nullable String expectedDatetime,
            String address,
            @Nullable String addressId,
            @Nullable String zipcode,
            double lat,
            @JsonProperty("long") double lng,
            @Nullable String mediaUrl) {}

    /** One error of the standard's error list. */
    record Error(int code, String description) {}

    /** XML root of a list of services. */
    @JacksonXmlRootElement(localName = "services")
    record Services(
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service")
            List<Service> items) {}

    /** XML root of a list of service requests (also of {@link Created} and {@link Token}). */
    @JacksonXmlRootElement(localName = "service_requests")
    record ServiceRequests(
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
            List<?> items) {}

    /** XML root of a list of errors. */
    @JacksonXmlRootElement(localName = "errors")
    record Errors(
            @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error")
            List<Error> items) {}
}
