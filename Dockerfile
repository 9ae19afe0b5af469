# One image holds the four services; docker-compose picks the jar to run per container.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package \
    && mkdir /out \
    && cp deal-service/target/deal-service-*-exec.jar /out/deal-service.jar \
    && cp activity-service/target/activity-service-*-exec.jar /out/activity-service.jar \
    && cp pipeline-view-service/target/pipeline-view-service-*-exec.jar /out/pipeline-view-service.jar \
    && cp gateway/target/gateway-*-exec.jar /out/gateway.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 kariz
WORKDIR /app
COPY --from=build /out/ /app/
USER kariz
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true"
