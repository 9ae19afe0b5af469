package app.kariz.gateway.server;

import io.netty.channel.Channel;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Keeps an HTTP/1.1 connection reading after every answer: a workaround for a Reactor Netty server bug,
 * <a href="https://github.com/reactor/reactor-netty/issues/4361">reactor/reactor-netty#4361</a> (fixed by
 * <a href="https://github.com/reactor/reactor-netty/pull/4347">#4347</a>). Reactor Netty 1.2.11, which Spring Boot
 * 3.5 manages, has it, and so does 1.2.18, the last 1.2.x; 1.3.8 has the fix, but wants Netty 4.2 and Reactor 3.8,
 * the Spring Boot 4 generation, and would move every service with it (the local launcher runs them all on one
 * classpath).
 * <p>
 * Reactor Netty reads a connection only on demand. A request that arrives before the previous request's handling
 * has terminated is queued, together with the empty end of its body; a routed answer terminates a moment after its
 * last byte has gone out, so a client that reuses the connection at once can get there first. When the previous
 * handling terminates, the queued request is handed on; if the gateway answers it at once, on the connection's own
 * thread (a 401 or 404 problem, the OpenAPI document), that handling terminates before the queued end of its body has
 * been handed on, Reactor Netty then finds the queue not yet empty and, instead of asking for more input, schedules
 * another drain, which finds the queue empty and asks for nothing. Nothing reads the connection any more: the
 * client's next request gets no answer, and no idle timeout is armed either: the connection stays until the client
 * gives up. Seen for 0 to 4 of 4,000 to 6,000 kept-alive requests alternating routed answers and the gateway's own,
 * and for about half (Reactor Netty 1.2.11) or all (1.2.18) of the requests sent right behind a routed one
 * (pipelined) that the gateway answers at once ({@code KeepAliveTest}). (1.2.11 drains its queue when an answer's
 * last part is written rather than when its handling terminates, and fails the same way.)
 * <p>
 * After a request's handling on an HTTP/1.1 connection terminates, this asks for input once Reactor Netty's own
 * follow-up work has run, if by then no further request is being handled. An extra read request is harmless: Reactor
 * Netty queues whatever arrives before it can be handled, in order, as it does for pipelined requests. Remove this
 * with the move to Reactor Netty 1.3.8 or later ({@code KeepAliveTest} passes there without it).
 */
@Configuration(proxyBeanMethods = false)
public class KeepAliveConfiguration {

    @Bean
    NettyServerCustomizer resumeReadingAfterEachAnswer() {
        return server -> server.childObserve(KeepAliveConfiguration::onStateChange);
    }

    static void onStateChange(Connection connection, ConnectionObserver.State state) {
        if (state == ConnectionObserver.State.DISCONNECTING && connection instanceof HttpServerRequest) {
            Channel channel = connection.channel();
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                // A task of its own, so it runs after whatever the termination scheduled on this event loop.
                channel.eventLoop().execute(() -> readIfIdle(channel));
            }
        }
    }

    /** Idle: open, and no request's handling bound to the connection (nor any other operations, e.g. a WebSocket). */
    private static void readIfIdle(Channel channel) {
        if (channel.isActive() && ChannelOperations.get(channel) == null) {
            channel.read();
        }
    }
}
