package app.kariz.gateway.limits;

import app.kariz.gateway.problem.ProblemWriter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * The header size limit itself is Boot's {@code server.max-http-request-header-size}, which Boot passes to Netty's
 * request decoder; this makes Netty's refusals problem+json.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    NettyServerCustomizer undecodableRequestProblems(ProblemWriter problems) {
        UndecodableRequestProblems handler = new UndecodableRequestProblems(problems);
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec
                    && pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, UndecodableRequestProblems.NAME, handler);
            }
        });
    }
}
