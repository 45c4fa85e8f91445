package org.nuanxin.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The application events of every {@link NuanxinTest} and {@link PostgresTest} context, recorded from whichever
 * thread publishes them (Spring's {@code @RecordApplicationEvents} sees only the test's own thread, not a worker's),
 * the last {@value #KEPT} of them:
 *
 * <pre>{@code
 * @Autowired PublishedEvents events;
 * assertThat(events.of(MembersEnrolled.class)).anySatisfy(e -> assertThat(e.created()).isEqualTo(2));
 * }</pre>
 */
public class PublishedEvents implements ApplicationListener<PayloadApplicationEvent<?>> {

    static final int KEPT = 1000;

    private final Deque<Object> events = new ArrayDeque<>();

    @Override
    public synchronized void onApplicationEvent(PayloadApplicationEvent<?> event) {
        if (events.size() == KEPT) {
            events.removeFirst();
        }
        events.addLast(event.getPayload());
    }

    /** @return the recorded events of this type, oldest first */
    public synchronized <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
