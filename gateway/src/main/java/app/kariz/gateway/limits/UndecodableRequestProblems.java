package app.kariz.gateway.limits;

import app.kariz.contract.request.RequestId;
import app.kariz.gateway.browser.SecurityHeadersFilter;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.tracing.AccessLog;
import app.kariz.gateway.tracing.RequestTrace;
import app.kariz.gateway.tracing.Traceparent;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.MDC;
import org.springframework.http.MediaType;

/**
 * Answers a request Netty could not decode, such as one whose headers exceed
 * {@code server.max-http-request-header-size}, with a problem: 431 for headers too large, 414 for a request line
 * too long, else 400, with a new request id and trace and the security headers (not HSTS, nor CORS headers: the
 * request's own headers are not to be trusted here), then closes the connection.
 * Without it Reactor Netty would answer such requests itself, with an empty body. Sits in each connection's
 * pipeline between the HTTP codec and Reactor Netty's request handling, so these requests never reach WebFlux.
 */
@ChannelHandler.Sharable
class UndecodableRequestProblems extends ChannelInboundHandlerAdapter {

    public static final String NAME = "kariz.undecodableRequestProblems";

    private static final AttributeKey<Boolean> ANSWERED = AttributeKey.valueOf(NAME + ".answered");

    private final ProblemWriter problems;

    public UndecodableRequestProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (context.channel().hasAttr(ANSWERED)) {
            ReferenceCountUtil.release(message); // whatever follows the refused request, the connection is closing
            return;
        }
        if (message instanceof HttpRequest request && request.decoderResult().isFailure()) {
            context.channel().attr(ANSWERED).set(Boolean.TRUE);
            try {
                answer(context, request);
            } finally {
                ReferenceCountUtil.release(message);
            }
            return;
        }
        context.fireChannelRead(message);
    }

    private void answer(ChannelHandlerContext context, HttpRequest request) {
        long started = System.nanoTime();
        Throwable cause = request.decoderResult().cause();
        Problem problem = problemFor(cause);
        // Without a readable request line Netty makes up "GET /bad-request"; that is not the client's.
        boolean requestLineRead = !(cause instanceof TooLongHttpLineException);
        String path = requestLineRead ? pathOf(request) : null;
        RequestTrace trace = RequestTrace.start();
        context.writeAndFlush(response(problem, path, trace)).addListener(ChannelFutureListener.CLOSE);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestId.MDC_KEY, trace.requestId())) {
            AccessLog.request(requestLineRead ? request.method().name() : "-", path == null ? "-" : path,
                    problem.status().value(), (System.nanoTime() - started) / 1_000_000, false);
        }
    }

    private FullHttpResponse response(Problem problem, String path, RequestTrace trace) {
        byte[] body = problems.serialize(problem, path);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status().value()), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(RequestId.HEADER, trace.requestId())
                .set(Traceparent.HEADER, trace.traceparent().value())
                .set(HttpHeaderNames.CACHE_CONTROL, SecurityHeadersFilter.NO_STORE)
                .set(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, SecurityHeadersFilter.JSON_CONTENT_SECURITY_POLICY);
        SecurityHeadersFilter.ALWAYS.forEach(headers::set);
        return response;
    }

    private static Problem problemFor(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return Problem.headersTooLarge("The request headers are larger than the API accepts.");
        }
        if (cause instanceof TooLongHttpLineException) {
            return Problem.uriTooLong("The request line is longer than the API accepts.");
        }
        return Problem.badRequest("The request is not valid HTTP.");
    }

    /** The path without the query; {@code null} when it is not one. */
    private static String pathOf(HttpRequest request) {
        try {
            String path = new QueryStringDecoder(request.uri()).rawPath();
            return path.startsWith("/") ? path : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
