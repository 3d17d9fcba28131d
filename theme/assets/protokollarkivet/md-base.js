/* Material for MkDocs 9.x partials/javascripts/base.html, as a file: the scope comes from
   <meta name="pa-md-scope"> instead of being written into an inline script. */
__md_scope=new URL(document.querySelector('meta[name="pa-md-scope"]').content,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
