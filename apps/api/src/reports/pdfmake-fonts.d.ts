/** The Roboto font files shipped with pdfmake (absolute paths, resolved by the module itself). */
declare module 'pdfmake/fonts/Roboto.js' {
  const fonts: { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  export = fonts;
}
