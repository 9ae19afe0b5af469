package app.kariz.deal.consistency;

import app.kariz.support.consistency.AppliedSignal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration {

    @Bean
    AppliedSignal appliedSignal() {
        return new AppliedSignal();
    }

    /** {@code kariz.deal.directory-await-timeout} (default 5s): the longest a write waits for the directories. */
    @Bean
    CommandSender commandSender(CommandGateway commands, List<AppliedSequences> directories, AppliedSignal signal,
                                @Value("${kariz.deal.directory-await-timeout:5s}") Duration timeout) {
        return new CommandSender(commands, directories, signal, timeout);
    }
}
