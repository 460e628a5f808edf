import { ELASTICSEARCH_NAME } from './elasticsearch';

/** Names the logging resources find each other by; ECK derives Service names from them. */

/** The Beats input's Service; ECK names it `<logstash>-ls-<service>`. */
export const LOGSTASH_BEATS_SERVICE = `${ELASTICSEARCH_NAME}-ls-beats`;
export const LOGSTASH_BEATS_PORT = 5044;

/** Secret holding Logstash's Beats certificate, its PKCS#8 key and the CA (`ca.crt`). */
export const BEATS_TLS_SECRET = 'logstash-beats-tls';
