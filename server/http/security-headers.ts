import helmet from 'helmet';

/**
 * Security headers on every response (helmet). The admin app's content
 * security policy allows nothing from outside the product's own origin; styles
 * may be inline because the component library injects them at run time.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only means something over https, which a reverse proxy provides.
    strictTransportSecurity: false,
  });
}
