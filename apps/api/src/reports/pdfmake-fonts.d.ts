/** The Roboto font files shipped with pdfmake (absolute paths, resolved by the module itself). */
declare module 'pdfmake/fonts/Roboto.js' {
  const fonts: { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  export = fonts;
}

/** pdfmake's layout engine and the two helpers it builds per document (internal modules, see pdfmake-pagination.ts). */
declare module 'pdfmake/js/LayoutBuilder' {
  const pdfmakeModule: { default: unknown };
  export = pdfmakeModule;
}
declare module 'pdfmake/js/DocPreprocessor' {
  const pdfmakeModule: { default: unknown };
  export = pdfmakeModule;
}
declare module 'pdfmake/js/DocMeasure' {
  const pdfmakeModule: { default: unknown };
  export = pdfmakeModule;
}
