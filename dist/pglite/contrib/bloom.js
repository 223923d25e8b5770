import{j as e}from"../chunk-ZSOCVAT7.js";e();var t=async(n,s)=>({bundlePath:new URL("../bloom.tar.gz",import.meta.url)}),r={name:"bloom",setup:t};export{r as bloom};
//# sourceMappingURL=bloom.js.map