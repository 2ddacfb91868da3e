package dev.animetracker.gateway.management;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read the gateway's management endpoints other than health and info (metrics above all),
 * which share the public port.
 *
 * @param networks addresses or CIDR ranges of the TCP peer (never a forwarded header) allowed to
 *     read them, e.g. the Prometheus host or the cluster's pod network
 */
@Validated
@ConfigurationProperties("animetracker.gateway.management")
public record ManagementProperties(
    @DefaultValue({"127.0.0.0/8", "::1/128"}) @NotEmpty List<String> networks) {}
