/** The alliance's colours (as in public/assets/site.css), for what the kit draws outside the site: banners, e-mail, print. */
export const BLUE = '#003a70';
export const RED = '#d4213d';
export const RED_DARK = '#a8182f';
export const YELLOW = '#ffd200';
export const INK = '#1a1a1a';
export const MUTED = '#4a5561';
export const WHITE = '#ffffff';
