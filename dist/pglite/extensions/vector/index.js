var t=async(n,e)=>({emscriptenOpts:e,bundlePath:new URL("./vector.tar.gz",import.meta.url)}),i={name:"vector",setup:t};export{i as vector};
//# sourceMappingURL=index.js.map