// The forms a case page shows only when the case waits for something from the applicant (补正, 物权证明, a 10 kV
// checkpoint's materials). In the mini-program they are part of the page; on H5 they load when one is needed
// (hand-in-forms.h5.tsx).
export { SupplementBox } from './supplement-box'
export { PropertyProofCard } from './property-proof-card'
export { UploadBox } from './upload-box'
