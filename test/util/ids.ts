/** Made-up identifiers shared by the engine's tests (easy to tell apart in failure output). */
export const T = '11111111-1111-1111-1111-111111111111';
export const SYS_OID = '22222222-2222-2222-2222-222222222222';
export const SYS_CLIENT = '33333333-3333-3333-3333-333333333333';
export const UAMI_CLIENT = '44444444-4444-4444-4444-444444444444';
export const UAMI_OID = '55555555-5555-5555-5555-555555555555';
export const APP = '66666666-6666-6666-6666-666666666666';
