// Starts Swagger UI on the page's #swagger-ui element with the description the element names. A file rather than
// an inline script, so that the page's Content-Security-Policy can forbid inline scripts.
window.addEventListener('load', function () {
  var element = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: element.getAttribute('data-openapi-url'),
    domNode: element,
    deepLinking: true,
    // The plain layout: no top bar for loading other descriptions, which this page has no use for.
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // The gateway's answers are problem+json with an id per request; show them as they come.
    displayRequestDuration: true,
    // Nothing leaves this origin: no badge from the public validator service.
    validatorUrl: null,
    // Keep the bearer token entered with "Authorize" only for this tab's lifetime (not in localStorage).
    persistAuthorization: false
  });
});
