package org.nuanxin.grid.open311;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * Writes Open311 documents in the asked format with mappers of its own (snake-case names, fields in declaration
 * order, an XML declaration with its encoding), so that the application's JSON settings never change the
 * standard's shape. The body is written here and handed to Spring as bytes with its content type set, so that an
 * {@code Accept} header cannot make Spring choose another converter.
 */
@Component
class Open311Writer {

    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final XmlMapper xml = XmlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            // An empty field is an empty element (docs/OPEN311.md), not Jackson 3's default <x xsi:nil="true"/>.
            .disable(XmlWriteFeature.WRITE_NULLS_AS_XSI_NIL)
            .build();

    /** @return one document ({@code discovery}, {@code service_definition}) */
    ResponseEntity<byte[]> one(Open311Format format, Object document) {
        return answer(format, 200, format == Open311Format.XML ? xml(document) : json(document));
    }

    /** @return a list of services: a JSON array, or {@code <services><service>…} */
    ResponseEntity<byte[]> services(Open311Format format, List<Open311Wire.Service> items) {
        return answer(format, 200, format == Open311Format.XML ? xml(new Open311Wire.Services(items)) : json(items));
    }

    /** @return a list of service requests (or of created requests, or of tokens): {@code <service_requests><request>…} */
    ResponseEntity<byte[]> requests(Open311Format format, List<?> items) {
        return answer(
                format, 200, format == Open311Format.XML ? xml(new Open311Wire.ServiceRequests(items)) : json(items));
    }

    /** @return the standard's error list with the matching HTTP status */
    ResponseEntity<byte[]> errors(Open311Format format, HttpStatusCode status, List<Open311Wire.Error> errors) {
        return answer(
                format,
                status.value(),
                format == Open311Format.XML ? xml(new Open311Wire.Errors(errors)) : json(errors));
    }

    byte[] json(Object value) {
        return json.writeValueAsBytes(value);
    }

    byte[] xml(Object value) {
        return xml.writeValueAsBytes(value);
    }

    private static ResponseEntity<byte[]> answer(Open311Format format, int status, byte[] body) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, format.mediaType().toString())
                // Public data, but a client should see a request's newest state.
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(body);
    }
}
