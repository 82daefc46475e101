// Stands in for http2-wrapper in the bundle. got imports it at load time but uses it only with its
// `http2: true` option, which enablex never sets; the real module (and the node:http2, resolve-alpn and
// quick-lru it loads) cost a tenth of a `room list`'s start-up.
const unused = () => {
  throw new Error('enablex is built without HTTP/2 support (got option http2 is not used)');
};
export default {
  get globalAgent() {
    return unused();
  },
  auto: unused,
};
