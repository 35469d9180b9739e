export { createKubernetesSide } from "./kubernetes-side";
