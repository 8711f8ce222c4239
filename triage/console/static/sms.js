"use strict";
/* SMS segment counting, the same rules as channels/sms.py (a test keeps the two in agreement):
   GSM-7 when every character is in the GSM alphabet (extension characters count twice), else UCS-2;
   one segment holds 160 GSM-7 or 70 UCS-2 units, 153 / 67 each when the message is split. */
const Sms = (() => {
  const GSM7_BASIC = new Set("\n\r\u001b !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz\u00a1\u00a3\u00a4\u00a5\u00a7\u00bf\u00c4\u00c5\u00c6\u00c7\u00c9\u00d1\u00d6\u00d8\u00dc\u00df\u00e0\u00e4\u00e5\u00e6\u00e8\u00e9\u00ec\u00f1\u00f2\u00f6\u00f8\u00f9\u00fc\u0393\u0394\u0398\u039b\u039e\u03a0\u03a3\u03a6\u03a8\u03a9");
  const GSM7_EXTENDED = new Set("\f[\\]^{|}~\u20ac");

  function isGsm7(text) {
    for (const char of text) {
      if (!GSM7_BASIC.has(char) && !GSM7_EXTENDED.has(char)) return false;
    }
    return true;
  }

  function count(text) {
    const gsm = isGsm7(text);
    let units = 0;
    if (gsm) {
      for (const char of text) units += GSM7_EXTENDED.has(char) ? 2 : 1;
    } else {
      units = text.length; /* UTF-16 code units, as Python's len(text.encode("utf-16-le")) // 2 */
    }
    const [single, multi] = gsm ? [160, 153] : [70, 67];
    const segments = units <= single ? 1 : Math.ceil(units / multi);
    return {encoding: gsm ? "GSM-7" : "UCS-2", units, segments};
  }

  return {isGsm7, count};
})();
